namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Option spreads: one short option held against a long one of the same right that expires with or after it.
/// The long is paid in full; the short needs margin only where the long does not cover it at expiry.
/// </summary>
public static class SpreadRules
{
    /// <summary>
    /// Vertical, calendar or diagonal [CBOE-2007][FUTU][EDELTA][TW-CAL]: margin = max(ω(K_long − K_short), 0) × multiplier,
    /// ω = +1 for calls and −1 for puts; so a debit spread (or a calendar) needs only its net debit, a credit spread its width.
    /// The caller checks that the long expires with or after the short.
    /// </summary>
    public static StrategyRequirement Vertical(
        LegKind right,
        double shortStrike,
        double shortPremiumPerUnit,
        double longStrike,
        double longPremiumPerUnit,
        double multiplier,
        double contracts)
    {
        var omega = Omega(right);
        CheckOption(shortStrike, shortPremiumPerUnit, nameof(shortStrike), nameof(shortPremiumPerUnit));
        CheckOption(longStrike, longPremiumPerUnit, nameof(longStrike), nameof(longPremiumPerUnit));
        var units = Units(multiplier, contracts);
        var widthPerUnit = Math.Max(omega * (longStrike - shortStrike), 0.0);
        return new StrategyRequirement(widthPerUnit * units, longPremiumPerUnit * units, shortPremiumPerUnit * units);
    }

    /// <summary>
    /// Short iron condor or iron butterfly [TW-IC][IB-IC][OAI-IC]: a put credit spread under a call credit spread, same
    /// expiry; only one can lose at expiry, so the margin is one spread's width, the wider if they differ.
    /// </summary>
    public static StrategyRequirement IronCondor(
        double longPutStrike,
        double longPutPremiumPerUnit,
        double shortPutStrike,
        double shortPutPremiumPerUnit,
        double shortCallStrike,
        double shortCallPremiumPerUnit,
        double longCallStrike,
        double longCallPremiumPerUnit,
        double multiplier,
        double contracts)
    {
        CheckOption(longPutStrike, longPutPremiumPerUnit, nameof(longPutStrike), nameof(longPutPremiumPerUnit));
        CheckOption(shortPutStrike, shortPutPremiumPerUnit, nameof(shortPutStrike), nameof(shortPutPremiumPerUnit));
        CheckOption(shortCallStrike, shortCallPremiumPerUnit, nameof(shortCallStrike), nameof(shortCallPremiumPerUnit));
        CheckOption(longCallStrike, longCallPremiumPerUnit, nameof(longCallStrike), nameof(longCallPremiumPerUnit));
        var units = Units(multiplier, contracts);
        var widthPerUnit = Math.Max(Math.Max(shortPutStrike - longPutStrike, longCallStrike - shortCallStrike), 0.0);
        return new StrategyRequirement(
            widthPerUnit * units,
            (longPutPremiumPerUnit + longCallPremiumPerUnit) * units,
            (shortPutPremiumPerUnit + shortCallPremiumPerUnit) * units);
    }

    /// <summary>
    /// Long butterfly [TW-LBF]: long one lower wing, short two bodies, long one upper wing, equal strike intervals, one
    /// expiry. The payoff is never negative, so only the net debit is due: no margin, the wings paid, the bodies' proceeds applied.
    /// <paramref name="contracts"/> counts butterflies (each has two body contracts).
    /// </summary>
    public static StrategyRequirement LongButterfly(
        double lowerWingPremiumPerUnit, double bodyPremiumPerUnit, double upperWingPremiumPerUnit, double multiplier, double contracts)
    {
        StrategyGuard.NonNegative(lowerWingPremiumPerUnit, nameof(lowerWingPremiumPerUnit));
        StrategyGuard.NonNegative(bodyPremiumPerUnit, nameof(bodyPremiumPerUnit));
        StrategyGuard.NonNegative(upperWingPremiumPerUnit, nameof(upperWingPremiumPerUnit));
        var units = Units(multiplier, contracts);
        return new StrategyRequirement(
            0.0, (lowerWingPremiumPerUnit + upperWingPremiumPerUnit) * units, 2.0 * bodyPremiumPerUnit * units);
    }

    /// <summary>
    /// Short butterfly [TW-SBF][OH-SPBF]: short one lower wing, long two bodies, short one upper wing, equal intervals.
    /// It is a credit spread and a debit spread sharing the long body, so it needs the credit spread's width
    /// (the interval) as margin; both bodies are paid and both wings' proceeds applied.
    /// </summary>
    public static StrategyRequirement ShortButterfly(
        double lowerWingPremiumPerUnit,
        double bodyPremiumPerUnit,
        double upperWingPremiumPerUnit,
        double strikeIntervalPerUnit,
        double multiplier,
        double contracts)
    {
        StrategyGuard.NonNegative(lowerWingPremiumPerUnit, nameof(lowerWingPremiumPerUnit));
        StrategyGuard.NonNegative(bodyPremiumPerUnit, nameof(bodyPremiumPerUnit));
        StrategyGuard.NonNegative(upperWingPremiumPerUnit, nameof(upperWingPremiumPerUnit));
        StrategyGuard.NonNegative(strikeIntervalPerUnit, nameof(strikeIntervalPerUnit));
        var units = Units(multiplier, contracts);
        return new StrategyRequirement(
            strikeIntervalPerUnit * units,
            2.0 * bodyPremiumPerUnit * units,
            (lowerWingPremiumPerUnit + upperWingPremiumPerUnit) * units);
    }

    private static double Omega(LegKind right) => right switch
    {
        LegKind.Call => 1.0,
        LegKind.Put => -1.0,
        _ => throw new ArgumentException($"A spread's right must be {LegKind.Call} or {LegKind.Put}, not {right}.", nameof(right)),
    };

    private static double Units(double multiplier, double contracts)
    {
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        return multiplier * contracts;
    }

    private static void CheckOption(double strike, double premiumPerUnit, string strikeField, string premiumField)
    {
        StrategyGuard.Positive(strike, strikeField);
        StrategyGuard.NonNegative(premiumPerUnit, premiumField);
    }
}
