namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// The strategies one account's legs on one underlying were paired into, and their total. <see cref="ProvenOptimal"/>
/// is false when the work bound stopped the search first; the pairing is then the best one found, still a valid requirement.
/// </summary>
public sealed record UnderlyingStrategyMargin(
    string Underlying,
    IReadOnlyList<StrategyInstance> Strategies,
    StrategyRequirement Total,
    bool ProvenOptimal,
    int NodesSolved);
