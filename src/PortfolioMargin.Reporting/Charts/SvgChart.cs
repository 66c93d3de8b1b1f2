using ScottPlot;

namespace PortfolioMargin.Reporting.Charts;

/// <summary>A ScottPlot plot as an inline SVG figure with a caption: text in the SVG stays text, so it scales and can be searched.</summary>
internal static class SvgChart
{
    /// <summary>Two charts side by side fit a 1280-pixel window.</summary>
    public const int Width = 560;
    public const int Height = 340;

    /// <summary>The page's own face (PageStyle), so charts and tables read alike; SVG text falls back to any sans.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>A plot with the report's look: a sans font and the palette's first colours.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();

        // About five labelled ticks per axis: readable, and the automatic search over denser ones (each a text
        // measurement per label) was a third of a chart's time.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 5 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 5 };
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        return plot;
    }

    /// <param name="caption">What the chart shows, said in words (also its accessible label).</param>
    public static string Figure(Plot plot, string caption, string? id = null, int width = Width, int height = Height)
    {
        // Set last, so it reaches every label the chart was given (ScottPlot's default is a serif face).
        plot.Font.Set(FontFamily);
        var svg = plot.GetSvgXml(width, height);
        plot.Dispose();

        // Inline SVG takes no XML declaration; the label makes the figure readable to a screen reader.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..].Insert(4, $" role=\"img\" aria-label=\"{Html.Html.Encode(caption)}\" viewBox=\"0 0 {width} {height}\"");
        var open = id is null ? "<figure>" : $"<figure id=\"{Html.Html.Encode(id)}\">";
        return $"{open}{svg}<figcaption>{Html.Html.Encode(caption)}</figcaption></figure>";
    }
}
