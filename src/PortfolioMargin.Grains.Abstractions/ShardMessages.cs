using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// One shard of an end-of-day run: a contiguous range of the book's accounts (ordinal order) with all their
/// positions and collateral, priced in one engine call on the silo the shard grain lives on. Every shard of a run
/// with a given scenario set prices the whole set, as every shard of a simulated run draws the same paths: the
/// factors of <paramref name="Factors"/>, the underlyings the whole run references (see <see cref="FactorSet"/>),
/// not only the shard's own, so a shard's accounts come out as in the whole book. Null (a job from before the field
/// existed): every underlying of the snapshot, as shards were priced then. <paramref name="RecordDetail"/>: the run
/// writes a report (`pm run --report`), so the shard returns the detail of the accounts a report would show.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.ShardJob"), Immutable]
public sealed record ShardJob(
    string RunId,
    int Shard,
    int Shards,
    MarketSnapshot Market,
    RiskConfig Config,
    Position[] Positions,
    CollateralHolding[] Collateral,
    ScenarioSet? Scenarios = null,
    string[]? Factors = null,
    bool RecordDetail = false);

public enum ShardPhase
{
    /// <summary>This activation holds no job: a new activation after the old one's silo went away.</summary>
    Unknown = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>
/// A shard's results: accounts in ordinal order, position risks in the shard's position order (the book's file
/// order restricted to the shard), and the engine call that priced them; with <see cref="ShardJob.RecordDetail"/>,
/// the loss histograms and stress grids of the accounts a report of this shard alone would show
/// (<c>ReportAccounts.Detailed</c>), a superset of those the whole run's report shows, else null; and
/// <paramref name="Silo"/>, the address of the silo that priced it (after a retry, not the one first chosen).
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.ShardResult"), Immutable]
public sealed record ShardResult(
    AccountMargin[] Accounts, PositionRisk[] Positions, string Device, EngineCall Call, Dictionary<string, double> StageMilliseconds,
    Core.Strategy.StrategyRow[] Strategies,
    Core.Runs.AccountDetail[]? Details = null,
    string? Silo = null);

/// <summary>
/// Where a shard stands; <paramref name="Result"/> is set once it completed, <paramref name="Error"/> once it failed.
/// Field 5 carried the early position risks before positions.parquet waited for the Monte Carlo; it stays unused,
/// so <paramref name="ErrorIsInput"/> keeps its id 6. <paramref name="Fraction"/> and <paramref name="Stage"/>: the
/// engine's share of the shard's work done and its stage (Core's EngineProgress), for the run's progress line.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.ShardStatus"), Immutable]
public sealed record ShardStatus(
    ShardPhase Phase, int AccountsDone, int Accounts, ShardResult? Result = null, string? Error = null,
    [property: Id(6)] bool ErrorIsInput = false,
    [property: Id(7)] double Fraction = 0.0,
    [property: Id(8)] string? Stage = null);
