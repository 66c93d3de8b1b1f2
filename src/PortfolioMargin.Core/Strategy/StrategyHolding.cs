namespace PortfolioMargin.Core.Strategy;

/// <summary>One account's legs on one underlying: the unit the pairing works on.</summary>
public sealed record StrategyHolding(string Account, string Underlying, IReadOnlyList<StrategyLeg> Legs);
