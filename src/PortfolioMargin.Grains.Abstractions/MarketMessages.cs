using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// A market snapshot and the risk config priced against it. <paramref name="Key"/> is unique per version (a run id
/// or a fresh id per intraday move), so results priced under one key are comparable bit for bit.
/// <paramref name="Factors"/>: the underlyings the end-of-day run simulated (those its whole book referenced, see
/// <see cref="FactorSet"/>), which every recompute simulates first, so an account priced alone comes out as in the
/// run; null (state from before the field existed, or a snapshot published without a run): every underlying of the
/// snapshot, as every run simulated before the factor set was the book's.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarketState"), Immutable]
public sealed record MarketState(string Key, long Version, MarketSnapshot Snapshot, RiskConfig Config, string Source, string[]? Factors = null);

/// <summary>New spot and/or ATM vol for one underlying; null leaves the value as it was.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.UnderlyingMove"), Immutable]
public sealed record UnderlyingMove(string Underlying, double? Spot, double? AtmVol);

/// <summary>An intraday market update: some underlyings move, everything else in the snapshot stays.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarketUpdate"), Immutable]
public sealed record MarketUpdate(string Id, DateTimeOffset AsOf, UnderlyingMove[] Moves);

/// <summary>What the market data grain sends to an account that holds a moved underlying.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarketMoveNotice"), Immutable]
public sealed record MarketMoveNotice(MarketState Scenario, MarketUpdate Update);

/// <summary>
/// An account's status changed: statuses use the output files' names (healthy, margin-call, liquidation).
/// <paramref name="Trigger"/> names what caused it: "market-update:ID", "recompute", "end-of-day:RUN".
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.StatusChange"), Immutable]
public sealed record StatusChange(
    string Account,
    DateTimeOffset Time,
    string OldStatus,
    string NewStatus,
    double Equity,
    double InitialMargin,
    double MaintenanceMargin,
    string Trigger)
{
    /// <summary>Margin calls and liquidations are events; a return to healthy is not.</summary>
    public bool IsMarginEvent => NewStatus is "margin-call" or "liquidation";
}

/// <summary>What one intraday update did: which accounts were recomputed and whose status changed; <paramref name="AlreadyApplied"/>: nothing, it was applied before.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.IntradayOutcome"), Immutable]
public sealed record IntradayOutcome(
    string UpdateId, long MarketVersion, string[] Recomputed, StatusChange[] StatusChanges, string EventsFile, bool AlreadyApplied = false);
