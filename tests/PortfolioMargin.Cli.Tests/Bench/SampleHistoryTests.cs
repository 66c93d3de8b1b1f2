using PortfolioMargin.Cli.Bench;
using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Cli.Tests.Bench;

/// <summary>The committed sample history is exactly what the documented generator writes with its default seed.</summary>
public sealed class SampleHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-history-").FullName;

    [Fact]
    public void Committed_sample_history_is_the_generator_output_byte_for_byte()
    {
        var path = Path.Combine(_folder, "history.csv");
        HistoryGenerator.Write(path, MarketHistorySettings.Default().Seed);

        var committed = File.ReadAllBytes(SampleBook.PathOf(Path.Combine("backtest", "history.csv")));
        var generated = File.ReadAllBytes(path);
        Assert.True(committed.AsSpan().SequenceEqual(generated), $"samples/backtest/history.csv ({committed.Length} bytes) differs from `pm bench history` ({generated.Length} bytes): regenerate it");

        // At least 1,250 business days for the sample book's four underlyings.
        var lines = File.ReadAllLines(path);
        Assert.True(lines.Length - 1 >= 1_250 * 4, $"{lines.Length - 1} rows");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
