using System.Globalization;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Reporting.Charts;
using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Storage.Results;
using ScottPlot;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// One account's page: its requirement and how it was reached, the P&amp;L distribution over the paths with VaR and ES
/// marked, the stress grid as a heat map with the worst point outlined, its Greeks, the positions that drive its
/// ES, and the strategy-based requirement of the same positions beside the portfolio one.
/// </summary>
internal sealed class AccountSection(AccountTable accounts, ColumnTable positions, ColumnTable? strategies, string currency, double horizonDays)
{
    /// <summary>Positions shown per account, largest ES contribution first; a book of 100 per account stays readable.</summary>
    public const int MaxPositions = 25;

    public static string AnchorOf(string account) => "account-" + string.Concat(account.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    public string Render(string account, IReadOnlyList<int> positionRows, IReadOnlyList<int> strategyRows, AccountDetail? detail)
    {
        var row = accounts.Row[account];
        string Key(string column) => $"{AnchorOf(account)}-{column}";
        var summary = new HtmlTable(Key("summary"), HtmlColumn.Text("measure", "measure"), HtmlColumn.Number("value", "value", currency));
        foreach (var (column, label) in new[]
        {
            ("initial_margin", "initial margin = max(ES, stress loss, minimum)"), ("maintenance_margin", "maintenance margin"),
            ("es", "expected shortfall (ES)"), ("es_std_error", "ES standard error"), ("var", "value at risk (VaR)"),
            ("stress_loss", "stress loss (worst grid point)"), ("minimum_charge", "minimum charge"),
            ("collateral_value", "collateral (after haircuts)"), ("net_liquidation_value", "net liquidation value"), ("equity", "equity"), ("excess", "excess"),
            ("strategy_margin", "strategy-based requirement"), ("capital_saving", "capital saving (strategy − portfolio)"),
        })
        {
            if (accounts.Table.Has(column))
            {
                summary.KeyedRow(column, HtmlCell.Text(label), HtmlCell.Amount(accounts.Value(column, row)));
            }
        }

        var greeks = new HtmlTable(Key("greeks"), HtmlColumn.Text("greek", "greek"), HtmlColumn.Number("value", "value"), HtmlColumn.Text("unit", "unit"));
        greeks.KeyedRow("delta", HtmlCell.Text("delta"), HtmlCell.Amount(accounts.Value("delta", row)), HtmlCell.Text($"{currency} per 1.00 move"));
        greeks.KeyedRow("gamma", HtmlCell.Text("gamma"), HtmlCell.Amount(accounts.Value("gamma", row)), HtmlCell.Text($"{currency} per 1% move"));
        greeks.KeyedRow("vega", HtmlCell.Text("vega"), HtmlCell.Amount(accounts.Value("vega", row)), HtmlCell.Text($"{currency} per vol point"));
        greeks.KeyedRow("theta", HtmlCell.Text("theta"), HtmlCell.Amount(accounts.Value("theta", row)), HtmlCell.Text($"{currency} per day"));

        var status = accounts.Status[row];
        var worst = $"worst stress point: price {Html.Html.Percent(accounts.Value("worst_price_move", row))}, vol {Html.Html.Percent(accounts.Value("worst_vol_move", row))}";
        return $"<p class=\"status-{Html.Html.Encode(status)}\">status: <strong>{Html.Html.Encode(status)}</strong>; {Html.Html.Encode(worst)}</p>"
            + Html.Html.Row(summary.Render(), Html.Html.Heading(3, "Greeks") + greeks.Render())
            + Html.Html.Row(Distribution(account, row, detail), StressGrid(account, row, detail))
            + Html.Html.Heading(3, "positions (largest ES contribution first)") + Positions(account, positionRows)
            + Html.Html.Heading(3, "strategy-based requirement") + Strategies(account, row, strategyRows);
    }

    private string Distribution(string account, int row, AccountDetail? detail)
    {
        if (detail is null || detail.PathCounts.Length == 0)
        {
            return Html.Html.Note("The run did not record this account's loss distribution (it is recorded by `pm run --report`, for the accounts a report shows).");
        }

        var (valueAtRisk, shortfall) = (accounts.Value("var", row), accounts.Value("es", row));
        var plot = HistogramChart.Plot(detail.LossLowest, detail.BinWidth, detail.PathCounts,
            $"loss over {horizonDays.ToString("0.##", CultureInfo.InvariantCulture)} days ({currency}; negative is a gain)", "paths",
            ($"VaR {Html.Html.Amount(valueAtRisk)}", valueAtRisk, OkabeIto.Orange, LinePattern.Dashed),
            ($"ES {Html.Html.Amount(shortfall)}", shortfall, OkabeIto.Vermillion, LinePattern.Solid));
        return SvgChart.Figure(plot, $"Horizon loss of {account} over the {detail.PathCounts.Sum():N0} paths ({detail.PathCounts.Length} bins), with VaR and ES.", AnchorOf(account) + "-distribution");
    }

    private string StressGrid(string account, int row, AccountDetail? detail)
    {
        if (detail is null || detail.Stress.Count == 0)
        {
            return Html.Html.Note("The run did not record this account's stress grid (recorded by `pm run --report`); its worst point is in the table.");
        }

        var prices = detail.Stress.Select(c => c.PriceMoveRelative).Distinct().Order().ToList();
        var vols = detail.Stress.Select(c => c.VolMoveRelative).Distinct().Order().ToList();
        var values = new double[prices.Count, vols.Count];
        foreach (var cell in detail.Stress)
        {
            values[prices.IndexOf(cell.PriceMoveRelative), vols.IndexOf(cell.VolMoveRelative)] = cell.Loss;
        }

        // The engine's worst point: the first largest loss in price-major order, as accounts.parquet reports it.
        var worst = detail.Stress.Aggregate((best, next) => next.Loss > best.Loss ? next : best);
        return HeatTable.Render(
            AnchorOf(account) + "-stress", [.. prices.Select(p => Html.Html.Percent(p))], [.. vols.Select(v => Html.Html.Percent(v))], values,
            (prices.IndexOf(worst.PriceMoveRelative), vols.IndexOf(worst.VolMoveRelative)),
            "price", "vol", HeatTable.Compact,
            $"Loss of {account} at each stress point ({currency}; negative is a gain): every underlying's price moved by the column's fraction of spot and its ATM vol by the row's fraction of vol, at once. The outlined cell is the worst, {Html.Html.Amount(worst.Loss)} {currency}.");
    }

    private string Positions(string account, IReadOnlyList<int> rows)
    {
        if (rows.Count == 0)
        {
            return Html.Html.Note("No positions (collateral only).");
        }

        string?[] Text(string column) => positions.Has(column) ? positions.Text(column) : new string?[positions.RowCount];
        double?[] Number(string column) => positions.Has(column) ? positions.Number(column) : new double?[positions.RowCount];
        var (type, underlying, right, expiry) = (Text("type"), Text("underlying"), Text("right"), Text("expiry"));
        var (line, quantity, strike, value, delta, vega) = (Number("line"), Number("quantity"), Number("strike"), Number("value"), Number("delta"), Number("vega"));
        var (es, stress, incremental) = (Number("es_contribution"), Number("stress_contribution"), Number("incremental_es"));
        var table = new HtmlTable(AnchorOf(account) + "-positions",
            HtmlColumn.Number("line", "line"), HtmlColumn.Text("instrument", "instrument"), HtmlColumn.Number("quantity", "quantity"),
            HtmlColumn.Number("value", "value", currency), HtmlColumn.Number("delta", "delta", "underlying units"), HtmlColumn.Number("vega", "vega", $"{currency}/vol pt"),
            HtmlColumn.Number("es_contribution", "ES contribution", currency), HtmlColumn.Number("stress_contribution", "stress contribution", currency),
            HtmlColumn.Number("incremental_es", "incremental ES", currency));
        var shown = rows.OrderByDescending(i => es[i] ?? double.NegativeInfinity).ThenBy(i => i).Take(MaxPositions);
        foreach (var i in shown)
        {
            var instrument = type[i] == "option"
                ? $"{underlying[i]} {expiry[i]} {strike[i]?.ToString("0.##", CultureInfo.InvariantCulture)} {right[i]}"
                : $"{underlying[i]} {type[i]}{(expiry[i] is null ? "" : " " + expiry[i])}";
            table.Row(HtmlCell.Number(line[i], "0"), HtmlCell.Text(instrument), HtmlCell.Number(quantity[i], "#,0.##"), HtmlCell.Amount(value[i]),
                HtmlCell.Number(delta[i], "#,0.#"), HtmlCell.Amount(vega[i]), HtmlCell.Amount(es[i]), HtmlCell.Amount(stress[i]), HtmlCell.Amount(incremental[i]));
        }

        var more = rows.Count > MaxPositions ? Html.Html.Note($"{rows.Count - MaxPositions:N0} more positions of this account are in positions.parquet.") : "";
        return table.Render() + more;
    }

    private string Strategies(string account, int row, IReadOnlyList<int> rows)
    {
        var comparison = Html.Html.Paragraph(
            $"portfolio margin (IM) {Html.Html.Amount(accounts.Value("initial_margin", row))} {currency} against strategy-based {Html.Html.Amount(accounts.Table.Has("strategy_margin") ? accounts.Value("strategy_margin", row) : null)} {currency}");
        if (strategies is null || rows.Count == 0)
        {
            return comparison + Html.Html.Note("No strategies were formed for this account.");
        }

        var (underlying, strategy, legs, multiplicity, requirement) = (strategies.Text("underlying"), strategies.Text("strategy"), strategies.Text("legs"), strategies.Number("multiplicity"), strategies.Number("requirement"));
        var table = new HtmlTable(AnchorOf(account) + "-strategies",
            HtmlColumn.Text("underlying", "underlying"), HtmlColumn.Text("strategy", "strategy"), HtmlColumn.Text("legs", "legs of one unit"),
            HtmlColumn.Number("multiplicity", "units"), HtmlColumn.Number("requirement", "requirement", currency));
        foreach (var i in rows.OrderByDescending(i => requirement[i] ?? 0.0).Take(MaxPositions))
        {
            table.Row(HtmlCell.Text(underlying[i]), HtmlCell.Text(strategy[i]), HtmlCell.Text(legs[i]), HtmlCell.Number(multiplicity[i], "#,0.##"), HtmlCell.Amount(requirement[i]));
        }

        var more = rows.Count > MaxPositions ? Html.Html.Note($"{rows.Count - MaxPositions:N0} more strategies of this account are in strategies.parquet.") : "";
        return comparison + table.Render() + more;
    }
}
