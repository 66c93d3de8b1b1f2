using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Runs;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>What an account grain holds: its book, its latest result and how often it has been recomputed.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.AccountView"), Immutable]
public sealed record AccountView(
    string Account,
    Position[] Positions,
    CollateralHolding[] Collateral,
    AccountMargin? Latest,
    int Recomputations,
    string? LastTrigger);

/// <summary>
/// One account's engine output: its margin and the t = 0 risk of each of its positions, in book order, and the
/// engine call (micro-batch) that priced it.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.AccountResult"), Immutable]
public sealed record AccountResult(AccountMargin Margin, PositionRisk[] Positions, string Device, EngineCall Call);

/// <summary>
/// One engine call on one silo: <paramref name="Id"/> is unique across the cluster, so a run can count the calls
/// that priced it and add up their account batches, path chunks, instrument and attribution revaluations once each.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.EngineCall"), Immutable]
public sealed record EngineCall(string Id, int Accounts, int AccountBatches, int PathChunks, long InstrumentRevaluations, long AttributionRevaluations = 0, int SimulatedUnderlyings = 0)
{
    /// <summary>This call's share of a run's work, to add up with the other calls'.</summary>
    public EngineWork Work => new(1, AccountBatches, PathChunks, InstrumentRevaluations, AttributionRevaluations, SimulatedUnderlyings);
}

/// <summary>
/// One account to price. <paramref name="ScenarioKey"/> names the market and config: jobs with the same key share
/// both, so the risk worker may put them into one engine call.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarginJob"), Immutable]
public sealed record MarginJob(string ScenarioKey, MarketState Scenario, string Account, Position[] Positions, CollateralHolding[] Collateral);

/// <summary>
/// What an end-of-day run leaves with one account once its files are written: the book it priced and the margin
/// it found, so intraday moves and recomputes start from them.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.EndOfDayResult"), Immutable]
public sealed record EndOfDayResult(string RunId, DateTimeOffset AsOf, Position[] Positions, CollateralHolding[] Collateral, AccountMargin Margin);
