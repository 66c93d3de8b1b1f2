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

    [Fact]
    public void Inside_a_batch_the_line_counts_the_account_paths_simulated_not_only_the_accounts_done()
    {
        var log = new StringWriter();
        var progress = new ProgressLine(log);

        // One batch of 260 accounts at 10,000 paths, 4,096 paths into it: no account is done yet.
        progress.Report(new Engine.EngineProgress(0, 260, 260L * 4096, TimeSpan.FromSeconds(1), 260L * 10_000));

        var line = log.ToString().Trim();
        Assert.Contains("1,064,960 of 2,600,000 account-paths, 0/260 accounts done", line, StringComparison.Ordinal);
        Assert.StartsWith("progress: 41 %", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_paths_the_line_names_the_stage_and_shows_the_engines_share()
    {
        var log = new StringWriter();
        var progress = new ProgressLine(log);

        progress.Report(new Engine.EngineProgress(0, 260, 260L * 10_000, TimeSpan.FromSeconds(2), 260L * 10_000, Engine.EngineStages.Attribution, 0.75));
        progress.Report(100, 260, TimeSpan.FromSeconds(9), "attributing ES to positions, 0 retries", fraction: 0.9);

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("progress: 75 %, attributing ES to positions, 0/260 accounts done", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("progress: 90 %, 100/260 accounts, attributing ES", lines[1], StringComparison.Ordinal);
    }
}
