namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>Progress off a terminal: a line every few seconds and the first one at completion, never a flood.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void A_finished_run_polled_many_times_logs_its_completion_once_per_interval()
    {
        var log = new StringWriter();
        var progress = new ProgressLine(log);

        progress.Report(10, 260, TimeSpan.FromSeconds(0.5), "pricing");
        progress.Report(20, 260, TimeSpan.FromSeconds(1.0), "pricing"); // inside the interval: not logged
        for (var poll = 0; poll < 3000; poll++)
        {
            progress.Report(260, 260, TimeSpan.FromSeconds(1.5 + (poll * 0.001)), "results written, account grains taking them");
        }

        progress.Report(260, 260, TimeSpan.FromSeconds(7.0), "results written, account grains taking them");

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the first, the completion, and one more after the interval
        Assert.Contains(", 10/260 accounts", lines[0], StringComparison.Ordinal);
        Assert.Contains(", 260/260 accounts", lines[1], StringComparison.Ordinal);
        Assert.Contains("7.0 s", lines[2], StringComparison.Ordinal);
    }
}
