using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Margin;

/// <summary>
/// One account's margin, composed of the parts it is computed from: the Monte Carlo tail at the horizon and, with
/// sub-steps, of the worst point along each path; the stress grid's worst case; the requirement and the standing
/// against it; the equity it is measured against; the Greeks in currency; and the strategy-based (traditional)
/// requirement the same positions would carry, to show the capital portfolio margin saves. Every amount is in the
/// book's currency, losses positive.
/// </summary>
public sealed record AccountMargin(
    string Account,
    TailRisk Horizon,
    TailRisk? WorstPoint,
    StressOutcome Stress,
    MarginRequirement Requirement,
    AccountEquity Equity,
    CurrencyGreeks Greeks,
    double StrategyMargin)
{
    public AccountStatus Status => Requirement.Status;

    /// <summary>Strategy-based minus portfolio initial margin: negative where portfolio margin charges more.</summary>
    public double CapitalSaving => StrategyMargin - Requirement.InitialMargin;
}
