using ScottPlot;

namespace PortfolioMargin.Reporting.Charts;

/// <summary>One bar per named category, negative ones below the axis in a second colour.</summary>
internal static class BarChart
{
    public static Plot Plot(IReadOnlyList<string> names, IReadOnlyList<double> values, string yLabel)
    {
        var plot = SvgChart.NewPlot();
        var bars = values.Select((value, i) => new Bar
        {
            Position = i,
            Value = value,
            FillColor = value >= 0 ? OkabeIto.Blue : OkabeIto.Orange,
            LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = names.Count > 12 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = names.Count > 12 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.YLabel(yLabel);
        plot.HideGrid();
        return plot;
    }
}
