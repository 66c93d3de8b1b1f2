using SkiaSharp;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>The sample backtest's report in a real browser, offline: it loads with no console message and draws a page.</summary>
public sealed class BacktestBrowserTests(BacktestRunFixture run) : IClassFixture<BacktestRunFixture>
{
    [ChromiumFact]
    public void Chromium_draws_the_backtest_report_as_a_page_that_is_not_one_colour()
    {
        var shot = Path.Combine(run.Scratch, "backtest-report.png");

        Chromium.Run(Path.Combine(run.Scratch, "profile-shot"), run.Report, $"--screenshot={shot}", "--window-size=1280,3000");

        using var bitmap = SKBitmap.Decode(shot);
        Assert.Equal(1280, bitmap.Width);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 50, $"{colours.Count} distinct colours in the screenshot");
    }

    [ChromiumFact]
    public void Chromium_loads_the_backtest_report_without_a_console_message()
    {
        var (_, dom, log) = Chromium.Run(Path.Combine(run.Scratch, "profile-dom"), run.Report, "--dump-dom", "--enable-logging=stderr", "--v=0");

        Assert.DoesNotContain(log.Split('\n'), line => line.Contains("CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal));
        Assert.Contains("id=\"coverage\"", dom, StringComparison.Ordinal);
    }
}
