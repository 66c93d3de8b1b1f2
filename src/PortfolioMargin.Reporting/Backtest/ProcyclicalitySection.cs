using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>How much each model's requirement swings: peak-to-trough and the largest rises over 1, 5 and 30 days.</summary>
internal static class ProcyclicalitySection
{
    /// <summary>Shown for a relative rise with no meaning (its base requirement was zero or negative).</summary>
    public const string NoRelative = "—";

    public const string NoRelativeTitle = "no relative increase: no start date had a material requirement (above 0 and at least 1% of the peak)";

    public static string Render(ColumnTable summary, IReadOnlyList<int> order, string currency)
    {
        var columns = new List<HtmlColumn>
        {
            HtmlColumn.Text("model", "model"), HtmlColumn.Text("portfolio", "portfolio"),
            HtmlColumn.Number("peak_to_trough", "peak ÷ trough"),
            HtmlColumn.Number("peak_requirement", "peak requirement", currency), HtmlColumn.Number("trough_requirement", "trough requirement", currency),
        };
        foreach (var days in new[] { 1, 5, 30 })
        {
            columns.Add(HtmlColumn.Number($"largest_increase_{days}d", $"largest {days}-day rise", currency));
            columns.Add(HtmlColumn.Number($"largest_increase_{days}d_relative", $"largest {days}-day rise", "%"));
        }

        var table = new HtmlTable("procyclicality", [.. columns]);
        var (model, portfolio) = (summary.Text("model"), summary.Text("portfolio"));
        foreach (var i in order)
        {
            var cells = new List<HtmlCell>
            {
                HtmlCell.Text(model[i]), HtmlCell.Text(portfolio[i]),
                Ratio(summary.Number("peak_to_trough")[i], summary.Number("trough_requirement")[i]),
                HtmlCell.Amount(summary.Number("peak_requirement")[i]), HtmlCell.Amount(summary.Number("trough_requirement")[i]),
            };
            foreach (var days in new[] { 1, 5, 30 })
            {
                cells.Add(HtmlCell.Amount(summary.Number($"largest_increase_{days}d")[i]));
                cells.Add(Relative(summary.Number($"largest_increase_{days}d_relative")[i]));
            }

            table.KeyedRow($"{model[i]}/{portfolio[i]}", [.. cells]);
        }

        return Html.Html.Paragraph("Procyclicality is over every date's requirement, overlapping horizons included: the ratio of the highest requirement to the lowest, and the largest rise from one date's requirement to the one 1, 5 and 30 dates (business days) later, in currency and as a share of the earlier requirement. A requirement that rises most when markets fall makes members find cash when it is scarcest.")
            + "<div class=\"wide\">" + table.Render() + "</div>";
    }

    /// <summary>
    /// Peak over trough; infinite where the trough is zero (the file holds null there, or ∞ in an older one), said
    /// so rather than left blank.
    /// </summary>
    private static HtmlCell Ratio(double? value, double? trough) =>
        (value is { } v && double.IsPositiveInfinity(v)) || (value is null && trough == 0.0)
            ? new HtmlCell("∞", double.PositiveInfinity, true).With(null, "the trough requirement is 0")
            : HtmlCell.Number(value, "0.00");

    /// <summary>A relative rise as a percentage; a null, NaN or infinite one (a base ≤ 0) as a dash that says why.</summary>
    internal static HtmlCell Relative(double? value) =>
        value is { } v && double.IsFinite(v) ? HtmlCell.Percent(v) : new HtmlCell(NoRelative, null, true).With(null, NoRelativeTitle);
}
