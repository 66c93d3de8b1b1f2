using System.Diagnostics;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A run's Parquet tables, written together once the run is done: positions.parquet carries each position's share
/// of its account's ES and stress loss, which is known only after the Monte Carlo, beside accounts.parquet and
/// strategies.parquet.
/// </summary>
public sealed class ResultTables(Func<string, string> pathOf)
{
    /// <summary>
    /// Writes accounts.parquet, positions.parquet and strategies.parquet in parallel, each with the run's id and
    /// <paramref name="market"/>'s as-of and currency in its footer; returns the time spent.
    /// </summary>
    public async Task<TimeSpan> FinishAsync(
        string runId, MarketSnapshot market,
        IReadOnlyList<AccountMargin> accounts, IReadOnlyList<PositionRisk> positions, IReadOnlyList<Core.Strategy.StrategyRow> strategies)
    {
        var clock = Stopwatch.StartNew();
        var metadata = ResultMetadata.Of(runId, market).KeyValues();

        // All finish before any's error is thrown: the folder must not be removed under a running writer. Each is
        // written on the thread pool, so a caller on a grain's scheduler is never blocked.
        await Task.WhenAll(
            Task.Run(() => ResultFiles.AccountTable(accounts).WriteAsync(pathOf(ResultFiles.Accounts), metadata)),
            Task.Run(() => ResultFiles.PositionTable(positions, market).WriteAsync(pathOf(ResultFiles.Positions), metadata)),
            Task.Run(() => ResultFiles.StrategyTable(strategies).WriteAsync(pathOf(ResultFiles.Strategies), metadata)));
        return clock.Elapsed;
    }
}
