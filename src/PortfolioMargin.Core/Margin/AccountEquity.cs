namespace PortfolioMargin.Core.Margin;

/// <summary>
/// What the account is worth against its requirement, in the book's currency: collateral after haircuts plus the
/// net liquidation value of its spot and option positions at model value (futures are marked to market daily
/// and carry no value at t = 0).
/// </summary>
public readonly record struct AccountEquity(double CollateralValue, double NetLiquidationValue)
{
    public double Total => CollateralValue + NetLiquidationValue;
}
