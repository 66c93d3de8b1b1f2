namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// One way to combine net legs into a recognised strategy: which legs, how many contracts (or shares) of each one
/// unit of the strategy uses, the unit's requirement, and what the unit saves against charging its legs outright.
/// </summary>
internal sealed record CandidateStrategy(
    string TypeName,
    int[] LegIndexes,
    double[] UsePerUnit,
    StrategyRequirement RequirementPerUnit,
    double SavingsPerUnit);
