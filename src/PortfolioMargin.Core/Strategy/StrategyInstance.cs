namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// One strategy found in a book: its type, its legs with the signed quantity of each per unit of the strategy
/// (a butterfly's body is −2 contracts), how many units were formed, and the requirement of all of them.
/// </summary>
public sealed record StrategyInstance(
    string TypeName,
    IReadOnlyList<StrategyLeg> LegsPerUnit,
    double Multiplicity,
    StrategyRequirement Requirement);
