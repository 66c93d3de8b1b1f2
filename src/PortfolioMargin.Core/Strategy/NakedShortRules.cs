namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Uncovered (naked) short options [TW-CALL][EDELTA][IDX-RULES][CBOE-2007]: premium + max(rate × S − OTM, 10% × base),
/// where the rate is 20% on equities and 15% on broad-based indexes, and the 10% floor is of the spot for a call
/// and of the strike for a put. The margin includes the premium (the short's current value); the proceeds are that premium.
/// </summary>
public static class NakedShortRules
{
    public const double EquityRate = 0.20;

    public const double BroadBasedIndexRate = 0.15;

    public const double MinimumRate = 0.10;

    public static double RateFor(bool isBroadBasedIndex) => isBroadBasedIndex ? BroadBasedIndexRate : EquityRate;

    /// <summary>Per underlying unit, premium included: premium + max(rate·S − max(K − S, 0), 10%·S).</summary>
    public static double CallPerUnit(double spot, double strike, double premiumPerUnit, bool isBroadBasedIndex)
    {
        CheckTerms(spot, strike, premiumPerUnit);
        var outOfTheMoney = Math.Max(strike - spot, 0.0);
        return premiumPerUnit + Math.Max((RateFor(isBroadBasedIndex) * spot) - outOfTheMoney, MinimumRate * spot);
    }

    /// <summary>Per underlying unit, premium included: premium + max(rate·S − max(S − K, 0), 10%·K).</summary>
    public static double PutPerUnit(double spot, double strike, double premiumPerUnit, bool isBroadBasedIndex)
    {
        CheckTerms(spot, strike, premiumPerUnit);
        var outOfTheMoney = Math.Max(spot - strike, 0.0);
        return premiumPerUnit + Math.Max((RateFor(isBroadBasedIndex) * spot) - outOfTheMoney, MinimumRate * strike);
    }

    public static StrategyRequirement NakedShortCall(
        double spot, double strike, double premiumPerUnit, double multiplier, double contracts, bool isBroadBasedIndex) =>
        Scale(CallPerUnit(spot, strike, premiumPerUnit, isBroadBasedIndex), premiumPerUnit, multiplier, contracts);

    public static StrategyRequirement NakedShortPut(
        double spot, double strike, double premiumPerUnit, double multiplier, double contracts, bool isBroadBasedIndex) =>
        Scale(PutPerUnit(spot, strike, premiumPerUnit, isBroadBasedIndex), premiumPerUnit, multiplier, contracts);

    private static StrategyRequirement Scale(double marginPerUnit, double premiumPerUnit, double multiplier, double contracts)
    {
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        var units = multiplier * contracts;
        return new StrategyRequirement(marginPerUnit * units, 0.0, premiumPerUnit * units);
    }

    private static void CheckTerms(double spot, double strike, double premiumPerUnit)
    {
        StrategyGuard.Positive(spot, nameof(spot));
        StrategyGuard.Positive(strike, nameof(strike));
        StrategyGuard.NonNegative(premiumPerUnit, nameof(premiumPerUnit));
    }
}
