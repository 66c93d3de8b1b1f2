using System.Globalization;
using PortfolioMargin.Reporting.Charts;
using ScottPlot;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>
/// One model and portfolio over time: the requirement and the VaR as lines, the realized loss as a thin line under
/// them, and a marker on each date whose loss exceeded the VaR (open circle) or the requirement (filled triangle),
/// so the two kinds stay apart in grey too. Dates are OLE automation dates, as ScottPlot's date axis wants.
/// </summary>
internal static class BacktestChart
{
    /// <summary>Room under the plot for the legend, which sits outside it so it never hides a line.</summary>
    public const int Height = SvgChart.Height + 40;

    /// <summary>What the chart draws, apart from the drawing: the tests compare it with the file's rows.</summary>
    internal sealed record Data(Points Requirement, Points ValueAtRisk, Points RealizedLoss, Points VarExceedances, Points RequirementExceedances);

    internal sealed record Points(double[] X, double[] Y)
    {
        public int Count => X.Length;
    }

    /// <summary>
    /// The points of each line and marker set: a point whose value is not finite is left out (a line through NaN
    /// would break); an exceedance marker sits at the realized loss of its date.
    /// </summary>
    public static Data DataOf(BacktestSeries series)
    {
        var x = series.Dates.Select(d => d.ToOADate()).ToArray();
        Points Line(double[] y) => Where(x, y, i => double.IsFinite(y[i]));
        Points Marked(bool[] flag) => Where(x, series.RealizedLoss, i => flag[i]);
        return new Data(Line(series.Requirement), Line(series.ValueAtRisk), Line(series.RealizedLoss), Marked(series.VarExceedance), Marked(series.Exceedance));
    }

    public static string Render(BacktestSeries series, string currency, double confidence, int horizonRows, string id)
    {
        var data = DataOf(series);
        var plot = SvgChart.NewPlot();
        AddLine(plot, data.RealizedLoss, Colors.Gray, 0.8, LinePattern.Solid, "realized loss");
        AddLine(plot, data.ValueAtRisk, OkabeIto.ReddishPurple, 1.4, LinePattern.Dashed, $"VaR {confidence * 100:0.##}%");
        AddLine(plot, data.Requirement, OkabeIto.Blue, 1.6, LinePattern.Solid, "requirement");
        AddMarkers(plot, data.VarExceedances, MarkerShape.OpenCircle, 6, OkabeIto.Orange, $"loss > VaR ({data.VarExceedances.Count})");
        AddMarkers(plot, data.RequirementExceedances, MarkerShape.FilledTriangleUp, 7, OkabeIto.Vermillion, $"loss > requirement ({data.RequirementExceedances.Count})");

        plot.Axes.DateTimeTicksBottom();
        plot.XLabel("date");
        plot.YLabel($"loss over {horizonRows} rows ({currency})");
        plot.ShowLegend(Edge.Bottom);
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"{series.Portfolio}, model {series.Model}: requirement and VaR at each close against the loss realized over the next {horizonRows} rows, {series.Count:N0} dates; {data.VarExceedances.Count} dates with the loss above the VaR, {data.RequirementExceedances.Count} above the requirement (every date marked, overlapping horizons included).");
        return SvgChart.Figure(plot, caption, id, SvgChart.Width, Height);
    }

    private static Points Where(double[] x, double[] y, Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, x.Length).Where(i => keep(i) && double.IsFinite(y[i])).ToArray();
        return new Points([.. rows.Select(i => x[i])], [.. rows.Select(i => y[i])]);
    }

    private static void AddLine(Plot plot, Points points, Color color, double width, LinePattern pattern, string label)
    {
        if (points.Count == 0)
        {
            return;
        }

        var line = plot.Add.ScatterLine(points.X, points.Y, color);
        line.LineWidth = (float)width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }

    private static void AddMarkers(Plot plot, Points points, MarkerShape shape, float size, Color color, string label)
    {
        // An empty set still gets its legend entry (with the count 0): a reader sees there were none, not a missing layer.
        var markers = points.Count > 0 ? plot.Add.Markers(points.X, points.Y, shape, size, color) : plot.Add.Markers(new[] { double.NaN }, new[] { double.NaN }, shape, size, color);
        markers.LegendText = label;
    }
}
