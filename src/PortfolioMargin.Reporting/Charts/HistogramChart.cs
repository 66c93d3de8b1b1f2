using ScottPlot;

namespace PortfolioMargin.Reporting.Charts;

/// <summary>A histogram of equal-width bins, with labelled vertical markers (a VaR, an ES, a threshold).</summary>
internal static class HistogramChart
{
    /// <summary>Counts of <paramref name="values"/> in <paramref name="bins"/> equal bins from the smallest to the largest.</summary>
    public static (double Lowest, double Width, int[] Counts) Bin(IReadOnlyList<double> values, int bins)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return Core.Runs.AccountDetail.Histogram(finite, bins);
    }

    public static Plot Plot(double lowest, double width, IReadOnlyList<int> counts, string xLabel, string yLabel, params (string Label, double X, Color Color, LinePattern Pattern)[] markers)
    {
        var plot = SvgChart.NewPlot();
        var barWidth = width > 0 ? width : Math.Max(1.0, Math.Abs(lowest) * 0.01);
        var bars = counts.Select((count, b) => new Bar
        {
            Position = lowest + (b + 0.5) * width,
            Value = count,
            Size = barWidth,
            FillColor = OkabeIto.SkyBlue,
            LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);
        foreach (var (label, x, color, pattern) in markers.Where(m => double.IsFinite(m.X)))
        {
            var line = plot.Add.VerticalLine(x, 2, color, pattern);
            line.LegendText = label;
        }

        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        if (markers.Length > 0)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        return plot;
    }
}
