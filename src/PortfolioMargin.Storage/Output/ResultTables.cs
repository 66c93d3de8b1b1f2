using System.Diagnostics;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A run's two Parquet tables, written as soon as each can be: positions.parquet needs only the t = 0 valuation,
/// which the engine hands over while the Monte Carlo still runs; accounts.parquet waits for the run's end.
/// </summary>
public sealed class ResultTables(Func<string, string> pathOf)
{
    private Task? _positions;

    /// <summary>How long the positions table took to write, beside the engine.</summary>
    public TimeSpan PositionsElapsed { get; private set; }

    /// <summary>Pass to <see cref="MarginEngine.Run"/> as its positionsValued callback.</summary>
    public void PositionsValued(IReadOnlyList<PositionRisk> positions) => _positions = Task.Run(async () =>
    {
        var clock = Stopwatch.StartNew();
        await ResultFiles.PositionTable(positions).WriteAsync(pathOf(ResultFiles.Positions));
        PositionsElapsed = clock.Elapsed;
    });

    /// <summary>Writes accounts.parquet and strategies.parquet and waits for positions.parquet; returns the time spent after the engine.</summary>
    public async Task<TimeSpan> FinishAsync(IReadOnlyList<AccountMargin> accounts, IReadOnlyList<Core.Strategy.StrategyRow> strategies)
    {
        var clock = Stopwatch.StartNew();
        var positions = _positions ?? throw new InvalidOperationException("the engine never handed over the positions");

        // Both finish before either's error is thrown: the folder must not be removed under a running writer. The
        // accounts table is written on the thread pool too, so a caller on a grain's scheduler is never blocked.
        await Task.WhenAll(
            Task.Run(() => ResultFiles.AccountTable(accounts).WriteAsync(pathOf(ResultFiles.Accounts))),
            Task.Run(() => ResultFiles.StrategyTable(strategies).WriteAsync(pathOf(ResultFiles.Strategies))),
            positions);
        return clock.Elapsed;
    }

    /// <summary>After a failed run: lets the positions writer finish, so its folder can be removed under it.</summary>
    public void Abandon()
    {
        try
        {
            _positions?.Wait();
        }
        catch (AggregateException)
        {
            // The run's own error is the one to report.
        }
    }
}
