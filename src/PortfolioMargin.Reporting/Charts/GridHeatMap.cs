using System.Globalization;
using ScottPlot;

namespace PortfolioMargin.Reporting.Charts;

/// <summary>
/// A small grid of values as coloured cells, each labelled with its value (a stress grid has a few dozen cells, so
/// the numbers are read, the colours guide the eye), and one cell outlined. Colours are viridis, which reads the
/// same with the common colour-vision deficiencies and in grey (van der Walt and Smith, 2015).
/// </summary>
public static class GridHeatMap
{
    /// <param name="values">[column, row]: column along x, row along y.</param>
    public static Plot Plot(
        IReadOnlyList<string> columnNames, IReadOnlyList<string> rowNames, double[,] values, (int Column, int Row)? marked,
        string xLabel, string yLabel, Func<double, string> format)
    {
        var plot = SvgChart.NewPlot();
        var finite = values.Cast<double>().Where(double.IsFinite).ToArray();
        var (low, high) = finite.Length > 0 ? (finite.Min(), finite.Max()) : (0.0, 1.0);
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var c = 0; c < columnNames.Count; c++)
        {
            for (var r = 0; r < rowNames.Count; r++)
            {
                var value = values[c, r];
                var fraction = high > low && double.IsFinite(value) ? (value - low) / (high - low) : 0.5;
                var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, r - 0.5, r + 0.5);
                cell.FillColor = colormap.GetColor(fraction);
                cell.LineWidth = 0;
                var label = plot.Add.Text(format(value), c, r);
                label.LabelFontColor = fraction > 0.6 ? Colors.Black : Colors.White;
                label.LabelFontSize = columnNames.Count > 9 ? 9 : 11;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        if (marked is { } mark)
        {
            var outline = plot.Add.Rectangle(mark.Column - 0.5, mark.Column + 0.5, mark.Row - 0.5, mark.Row + 0.5);
            outline.FillColor = Colors.Transparent;
            outline.LineColor = OkabeIto.Vermillion;
            outline.LineWidth = 4;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columnNames.Count).Select(i => (double)i)], [.. columnNames]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rowNames.Count).Select(i => (double)i)], [.. rowNames]);
        plot.Axes.SetLimits(-0.5, columnNames.Count - 0.5, -0.5, rowNames.Count - 0.5);
        plot.HideGrid();
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
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
