
namespace PortfolioMargin.Reporting.Tests;

/// <summary>The sample backtest's report in a real browser, offline: it loads with no console message and draws a page.</summary>
public sealed class BacktestBrowserTests(BacktestRunFixture run) : IClassFixture<BacktestRunFixture>
{
    [ChromiumFact]
    public void Chromium_draws_the_backtest_report_as_a_page_that_is_not_one_colour()
    {
        var colours = Chromium.ScreenshotColours(run.Scratch, run.Report, 3000);
        Assert.True(colours > 50, $"{colours} distinct colours in the screenshot");
    }

    [ChromiumFact]
    public void Chromium_loads_the_backtest_report_without_a_console_message()
    {
        var (_, dom, log) = Chromium.Run(Path.Combine(run.Scratch, "profile-dom"), run.Report, "--dump-dom", "--enable-logging=stderr", "--v=0");

        Assert.DoesNotContain(log.Split('\n'), line => line.Contains("CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal));
        Assert.Contains("id=\"coverage\"", dom, StringComparison.Ordinal);
    }
}
