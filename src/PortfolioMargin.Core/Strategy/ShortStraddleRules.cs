namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Short straddle or strangle (a short call and a short put, same underlying, expiry and size) [TW-STRANGLE][ET-STRADDLE]:
/// the greater of the two naked requirements plus the premium of the other side; at expiry only one side can be in the money.
/// </summary>
public static class ShortStraddleRules
{
    public static StrategyRequirement ShortStraddle(
        double spot,
        double callStrike,
        double callPremiumPerUnit,
        double putStrike,
        double putPremiumPerUnit,
        double multiplier,
        double contracts,
        bool isBroadBasedIndex)
    {
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        var call = NakedShortRules.CallPerUnit(spot, callStrike, callPremiumPerUnit, isBroadBasedIndex);
        var put = NakedShortRules.PutPerUnit(spot, putStrike, putPremiumPerUnit, isBroadBasedIndex);
        var perUnit = call >= put ? call + putPremiumPerUnit : put + callPremiumPerUnit;
        var units = multiplier * contracts;
        return new StrategyRequirement(perUnit * units, 0.0, (callPremiumPerUnit + putPremiumPerUnit) * units);
    }
}
