using PortfolioMargin.Reporting.Charts;
using PortfolioMargin.Reporting.Html;
using ScottPlot;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// The book: totals, accounts per status, how the requirements are spread, and each account's initial margin against
/// its equity with the status boundaries drawn. docs/model.md: healthy when equity ≥ IM, margin call when
/// MM ≤ equity &lt; IM, liquidation when equity &lt; MM = maintenanceRatio × IM.
/// </summary>
internal static class BookSection
{
    public static readonly string[] Statuses = ["healthy", "margin-call", "liquidation"];

    public static string Render(AccountTable accounts, double maintenanceRatio, string currency, Func<string, string?> sectionOf)
    {
        var totals = new HtmlTable("book-totals", HtmlColumn.Text("measure", "measure"), HtmlColumn.Number("total", "total", currency));
        foreach (var (column, label) in new[]
        {
            ("initial_margin", "initial margin"), ("maintenance_margin", "maintenance margin"), ("collateral_value", "collateral (after haircuts)"),
            ("net_liquidation_value", "net liquidation value"), ("equity", "equity"), ("excess", "excess (equity − IM)"),
            ("strategy_margin", "strategy-based requirement"), ("capital_saving", "capital saving (strategy − portfolio)"),
        })
        {
            if (accounts.Table.Has(column))
            {
                totals.Row(HtmlCell.Text(label), HtmlCell.Amount(accounts.Sum(column)));
            }
        }

        var counts = new HtmlTable("book-status-counts", HtmlColumn.Text("status", "status"), HtmlColumn.Number("accounts", "accounts"), HtmlColumn.Number("initial_margin", "initial margin", currency));
        var initial = accounts["initial_margin"];
        foreach (var status in Statuses)
        {
            var rows = Enumerable.Range(0, accounts.Count).Where(i => accounts.Status[i] == status).ToList();
            counts.Row(HtmlCell.Text(status), HtmlCell.Number(rows.Count, "#,0"), HtmlCell.Amount(rows.Sum(i => initial[i] ?? 0.0)));
        }

        var lists = string.Concat(Statuses.Select(status => StatusList(accounts, status, currency, sectionOf)));
        return Html.Html.Row(totals.Render(), counts.Render())
            + Html.Html.Row(RequirementHistogram(accounts, currency), EquityScatter(accounts, maintenanceRatio, currency))
            + Html.Html.Heading(3, "accounts by status") + lists;
    }

    private static string StatusList(AccountTable accounts, string status, string currency, Func<string, string?> sectionOf)
    {
        var rows = Enumerable.Range(0, accounts.Count).Where(i => accounts.Status[i] == status).ToList();
        var table = new HtmlTable($"book-list-{status}",
            HtmlColumn.Text("account", "account"), HtmlColumn.Number("initial_margin", "IM", currency), HtmlColumn.Number("maintenance_margin", "MM", currency),
            HtmlColumn.Number("equity", "equity", currency), HtmlColumn.Number("excess", "excess", currency), HtmlColumn.Number("es", "ES", currency),
            HtmlColumn.Number("stress_loss", "stress loss", currency), HtmlColumn.Number("strategy_margin", "strategy-based", currency));
        foreach (var i in rows.OrderByDescending(i => accounts.Value("initial_margin", i)))
        {
            var id = accounts.Ids[i];
            table.Row(
                sectionOf(id) is { } anchor ? HtmlCell.Link(id, "#" + anchor) : HtmlCell.Text(id),
                HtmlCell.Amount(accounts.Value("initial_margin", i)), HtmlCell.Amount(accounts.Value("maintenance_margin", i)),
                HtmlCell.Amount(accounts.Value("equity", i)), HtmlCell.Amount(accounts.Value("excess", i)), HtmlCell.Amount(accounts.Value("es", i)),
                HtmlCell.Amount(accounts.Value("stress_loss", i)), HtmlCell.Amount(accounts.Table.Has("strategy_margin") ? accounts.Value("strategy_margin", i) : null));
        }

        return Html.Html.Details($"{status}: {rows.Count} accounts", rows.Count > 0 ? table.Render() : Html.Html.Note("none"), open: status != "healthy" && rows.Count <= 50);
    }

    /// <summary>
    /// Bins of equal width in log10(IM): a book's requirements span several orders of magnitude, and on a linear
    /// axis all but the largest few accounts fall into the first bin.
    /// </summary>
    private static string RequirementHistogram(AccountTable accounts, string currency)
    {
        var positive = accounts["initial_margin"].Where(v => v > 0).Select(v => Math.Log10(v!.Value)).ToList();
        var none = accounts.Count - positive.Count;
        if (positive.Count == 0)
        {
            return Html.Html.Note("No account has a requirement.");
        }

        var (lowest, width, bins) = HistogramChart.Bin(positive, 40);
        var plot = HistogramChart.Plot(lowest, width, bins, $"initial margin per account ({currency}, log scale)", "accounts");
        var (first, last) = ((int)Math.Floor(lowest), (int)Math.Ceiling(lowest + width * bins.Length));
        var powers = Enumerable.Range(first, Math.Max(1, last - first + 1)).ToList();
        plot.Axes.Bottom.SetTicks([.. powers.Select(k => (double)k)], [.. powers.Select(k => HeatTable.Compact(Math.Pow(10, k)))]);
        var omitted = none > 0 ? $"; {none:N0} accounts with no requirement are not shown" : "";
        return SvgChart.Figure(plot, $"How the initial margin is spread over the accounts (40 bins of equal width in log10 IM{omitted}).", "book-histogram");
    }

    private static string EquityScatter(AccountTable accounts, double maintenanceRatio, string currency)
    {
        var plot = SvgChart.NewPlot();
        var initial = accounts["initial_margin"];
        var equity = accounts["equity"];
        var shapes = new[] { (Statuses[0], OkabeIto.Healthy, MarkerShape.FilledCircle), (Statuses[1], OkabeIto.MarginCall, MarkerShape.FilledTriangleUp), (Statuses[2], OkabeIto.Liquidation, MarkerShape.FilledSquare) };
        foreach (var (status, color, shape) in shapes)
        {
            var rows = Enumerable.Range(0, accounts.Count).Where(i => accounts.Status[i] == status && initial[i] is not null && equity[i] is not null).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var markers = plot.Add.Markers(rows.Select(i => initial[i]!.Value).ToArray(), rows.Select(i => equity[i]!.Value).ToArray(), shape, 5, color);
            markers.LegendText = status;
        }

        var largest = Math.Max(1.0, initial.Max(v => v ?? 0.0));
        var atInitial = plot.Add.Line(0, 0, largest, largest);
        atInitial.LineColor = OkabeIto.Black;
        atInitial.LinePattern = LinePattern.Dashed;
        atInitial.LegendText = "equity = IM (below: margin call)";
        var atMaintenance = plot.Add.Line(0, 0, largest, largest * maintenanceRatio);
        atMaintenance.LineColor = OkabeIto.Vermillion;
        atMaintenance.LinePattern = LinePattern.Dotted;
        atMaintenance.LegendText = $"equity = MM = {maintenanceRatio:0.##} × IM (below: liquidation)";
        plot.XLabel($"initial margin ({currency})");
        plot.YLabel($"equity ({currency})");
        // Below the axes, not over them: a big book's points fill the whole data area.
        plot.ShowLegend(Edge.Bottom);
        return SvgChart.Figure(plot, "Each account's initial margin against its equity; the dashed line is equity = IM, the dotted one equity = MM.", "book-scatter", height: SvgChart.Height + 60);
    }
}
