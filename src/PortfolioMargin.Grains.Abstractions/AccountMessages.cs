using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Grains;

/// <summary>What an account grain holds: its book, its latest result and how often it has been recomputed.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountView(
    string Account,
    Position[] Positions,
    CollateralHolding[] Collateral,
    AccountMargin? Latest,
    int Recomputations,
    string? LastTrigger);

/// <summary>One account's engine output: its margin and the t = 0 risk of each of its positions, in book order.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountResult(AccountMargin Margin, PositionRisk[] Positions, string Device);

/// <summary>
/// One account to price. <paramref name="ScenarioKey"/> names the market and config: jobs with the same key share
/// both, so the risk worker may put them into one engine call.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarginJob(string ScenarioKey, MarketState Scenario, string Account, Position[] Positions, CollateralHolding[] Collateral);

/// <summary>An end-of-day run's instruction to one account: this is your book, price it against the run's market.</summary>
[GenerateSerializer, Immutable]
public sealed record EndOfDayJob(string RunId, MarketState Scenario, Position[] Positions, CollateralHolding[] Collateral);
