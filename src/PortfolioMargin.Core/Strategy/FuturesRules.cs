namespace PortfolioMargin.Core.Strategy;

/// <summary>A future held outright: a fraction of its notional, long or short (see <see cref="FuturesMarginRates"/>).</summary>
public static class FuturesRules
{
    public static StrategyRequirement Future(double futuresPricePerUnit, double multiplier, double contracts, double fractionOfNotional)
    {
        StrategyGuard.NonNegative(futuresPricePerUnit, nameof(futuresPricePerUnit));
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        FuturesMarginRates.CheckFraction(fractionOfNotional, nameof(fractionOfNotional));
        return new StrategyRequirement(fractionOfNotional * futuresPricePerUnit * multiplier * contracts, 0.0, 0.0);
    }
}
