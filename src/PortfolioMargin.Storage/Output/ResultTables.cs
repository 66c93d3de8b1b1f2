using System.Diagnostics;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A run's Parquet tables, written together once the run is done: positions.parquet carries each position's share
/// of its account's ES and stress loss, which is known only after the Monte Carlo, beside accounts.parquet and
/// strategies.parquet (and report-detail.parquet for a report). The direct and the cluster path both write here.
/// </summary>
public sealed class ResultTables(Func<string, string> pathOf)
{
    /// <summary>
    /// Writes accounts.parquet, positions.parquet and strategies.parquet in parallel, each with the run's id and
    /// <paramref name="market"/>'s as-of and currency in its footer, and report-detail.parquet when
    /// <paramref name="details"/> is given (`pm run --report`: the report's accounts' detail); returns the time spent.
    /// </summary>
    public async Task<TimeSpan> FinishAsync(
        string runId, MarketSnapshot market,
        IReadOnlyList<AccountMargin> accounts, IReadOnlyList<PositionRisk> positions, IReadOnlyList<Core.Strategy.StrategyRow> strategies,
        IReadOnlyList<Core.Runs.AccountDetail>? details = null)
    {
        var clock = Stopwatch.StartNew();
        var metadata = ResultMetadata.Of(runId, market).KeyValues();

        // All finish before any's error is thrown: the folder must not be removed under a running writer. Each is
        // written on the thread pool, so a caller on a grain's scheduler is never blocked.
        await Task.WhenAll(
            Task.Run(() => ResultFiles.AccountTable(accounts).WriteAsync(pathOf(ResultFiles.Accounts), metadata)),
            Task.Run(() => ResultFiles.PositionTable(positions, market).WriteAsync(pathOf(ResultFiles.Positions), metadata)),
            Task.Run(() => ResultFiles.StrategyTable(strategies).WriteAsync(pathOf(ResultFiles.Strategies), metadata)),
            details is null ? Task.CompletedTask : Task.Run(() => ReportDetailFile.WriteAsync(pathOf(ResultFiles.ReportDetail), details, metadata)));
        return clock.Elapsed;
    }
}
