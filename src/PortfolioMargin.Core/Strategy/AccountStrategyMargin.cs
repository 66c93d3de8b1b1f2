namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// An account's strategy-based requirement: the sum over its underlyings (Reg T does not offset across underlyings).
/// <see cref="StrategyMargin"/> is the number reported as strategy_margin: the requirement excluding short proceeds.
/// </summary>
public sealed record AccountStrategyMargin(string Account, IReadOnlyList<UnderlyingStrategyMargin> Underlyings, StrategyRequirement Total)
{
    public double StrategyMargin => Total.RequirementExcludingProceeds;

    public bool ProvenOptimal => Underlyings.All(u => u.ProvenOptimal);
}
