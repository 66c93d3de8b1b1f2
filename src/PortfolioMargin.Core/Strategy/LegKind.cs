namespace PortfolioMargin.Core.Strategy;

/// <summary>What a strategy leg holds. Calls and puts are kinds of their own so that a leg needs no optional right.</summary>
public enum LegKind
{
    Spot = 0,
    Future = 1,
    Call = 2,
    Put = 3,
}
