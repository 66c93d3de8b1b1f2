using PortfolioMargin.Engine;

namespace PortfolioMargin.Cli;

/// <summary>Progress on stderr, one line per account batch: accounts done and paths simulated per second.</summary>
public sealed class ProgressLine(TextWriter stderr) : IProgress<EngineProgress>
{
    public void Report(EngineProgress value)
    {
        var seconds = Math.Max(value.Elapsed.TotalSeconds, 1e-9);
        stderr.WriteLine(
            $"progress: {value.Fraction:P0}, {value.AccountsDone}/{value.AccountsTotal} accounts done, {value.PathsSimulated / seconds / 1e6:F2} M account-paths/s, {value.Elapsed.TotalSeconds:F1} s");
    }
}
