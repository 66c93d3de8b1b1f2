using System.Globalization;
using System.Text;

namespace PortfolioMargin.Reporting.Html;

/// <summary>
/// A small grid of values as a table of coloured cells, each showing its value (a stress grid has a few dozen
/// cells: the numbers are read, the colours guide the eye) with the exact one in data-value, and one cell
/// outlined. A table rather than a drawn chart: its numbers are text a reader can select and a test can check, and
/// it costs nothing to draw. Colours are viridis, which reads the same with the common colour-vision deficiencies
/// and in grey (van der Walt and Smith, 2015); text is black on the light end, white on the dark.
/// </summary>
internal static class HeatTable
{
    /// <param name="values">[column, row].</param>
    /// <param name="marked">The cell to outline (the worst), if any.</param>
    public static string Render(
        string id, IReadOnlyList<string> columnNames, IReadOnlyList<string> rowNames, double[,] values, (int Column, int Row)? marked,
        string columnTitle, string rowTitle, Func<double, string> format, string caption)
    {
        var finite = values.Cast<double>().Where(double.IsFinite).ToArray();
        var (low, high) = finite.Length > 0 ? (finite.Min(), finite.Max()) : (0.0, 1.0);
        var colormap = new ScottPlot.Colormaps.Viridis();
        var html = new StringBuilder();
        html.Append("<figure><table class=\"heat\" id=\"").Append(Html.Encode(id)).Append("\"><thead><tr><th class=\"corner\">")
            .Append(Html.Encode(rowTitle)).Append(" ↓, ").Append(Html.Encode(columnTitle)).Append(" →</th>");
        foreach (var name in columnNames)
        {
            html.Append("<th>").Append(Html.Encode(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");

        // The largest row value at the top, as on a chart's vertical axis.
        for (var r = rowNames.Count - 1; r >= 0; r--)
        {
            html.Append("<tr><th>").Append(Html.Encode(rowNames[r])).Append("</th>");
            for (var c = 0; c < columnNames.Count; c++)
            {
                var value = values[c, r];
                var fraction = high > low && double.IsFinite(value) ? (value - low) / (high - low) : 0.5;
                var colour = colormap.GetColor(fraction).ToHex();
                var text = fraction > 0.55 ? "#000" : "#fff";
                html.Append("<td class=\"num").Append(marked == (c, r) ? " marked" : "").Append("\" style=\"background:").Append(colour)
                    .Append(";color:").Append(text).Append("\" data-value=\"").Append(Html.Exact(value)).Append("\">")
                    .Append(Html.Encode(format(value))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table><figcaption>").Append(Html.Encode(caption)).Append("</figcaption></figure>").ToString();
    }

    /// <summary>A compact money label: 1.2M, 35k, 410.</summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value))
        {
            return "";
        }

        var magnitude = Math.Abs(value);
        return magnitude < 0.5 ? "0"
            : magnitude >= 1e9 ? (value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B"
            : magnitude >= 1e6 ? (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : magnitude >= 1e3 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : value.ToString("0", CultureInfo.InvariantCulture);
    }
}
