using PortfolioMargin.Core.Market;
using PortfolioMargin.Reporting.Charts;
using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// The book's net exposure per underlying, summed over every position: delta in currency (Σ Δ·S: the P&amp;L of a 1.00
/// relative move), gamma in currency per 1% (Σ Γ·S²/100: the change of that delta for a 1% move), vega per vol point,
/// with the same conventions as accounts.parquet's columns. Without the run's market snapshot the spots are unknown
/// and delta and gamma stay in underlying units.
/// </summary>
internal static class UnderlyingSection
{
    public static string Render(ColumnTable positions, MarketSnapshot? market, string? marketNote, string currency)
    {
        var underlying = positions.Text("underlying");
        var (delta, gamma, vega, theta) = (positions.Number("delta"), positions.Number("gamma"), positions.Number("vega"), positions.Number("theta"));
        var spots = market?.Underlyings.ToDictionary(u => u.Id, u => u.Spot, StringComparer.Ordinal);
        var sums = new SortedDictionary<string, (double Delta, double Gamma, double Vega, double Theta, int Positions)>(StringComparer.Ordinal);
        for (var i = 0; i < positions.RowCount; i++)
        {
            var id = underlying[i] ?? "";
            var spot = spots?.GetValueOrDefault(id, double.NaN) ?? 1.0;
            var scale = spots is null ? (1.0, 1.0) : (spot, spot * spot / 100.0);
            var sum = sums.GetValueOrDefault(id);
            sums[id] = (sum.Delta + (delta[i] ?? 0.0) * scale.Item1, sum.Gamma + (gamma[i] ?? 0.0) * scale.Item2, sum.Vega + (vega[i] ?? 0.0), sum.Theta + (theta[i] ?? 0.0), sum.Positions + 1);
        }

        var (deltaUnit, gammaUnit) = spots is null ? ("underlying units", "underlying units per unit of price") : ($"{currency} per 1.00 move", $"{currency} per 1% move");
        var table = new HtmlTable("underlyings",
            HtmlColumn.Text("underlying", "underlying"), HtmlColumn.Number("positions", "positions"), HtmlColumn.Number("delta", "net delta", deltaUnit),
            HtmlColumn.Number("gamma", "net gamma", gammaUnit), HtmlColumn.Number("vega", "net vega", $"{currency} per vol point"), HtmlColumn.Number("theta", "net theta", $"{currency} per day"));
        foreach (var (id, sum) in sums)
        {
            table.Row(HtmlCell.Text(id), HtmlCell.Number(sum.Positions, "#,0"), HtmlCell.Amount(sum.Delta), HtmlCell.Amount(sum.Gamma), HtmlCell.Amount(sum.Vega), HtmlCell.Amount(sum.Theta));
        }

        var names = sums.Keys.ToList();
        var chart = names.Count == 0 ? "" : SvgChart.Figure(
            BarChart.Plot(names, [.. sums.Values.Select(s => s.Delta)], $"net delta ({deltaUnit})"),
            "Net delta of the whole book per underlying (blue long, orange short).", "underlyings-delta");
        var note = marketNote is null ? "" : Html.Html.Note($"Delta and gamma are in underlying units: {marketNote}.");
        return note + Html.Html.Row(table.Render(), chart);
    }
}
