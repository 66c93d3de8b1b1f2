namespace PortfolioMargin.Core.Strategy;

/// <summary>Reg T initial requirements on stock held outright [INNREG][CBOE-2007].</summary>
public static class StockRules
{
    /// <summary>Reg T Regulation 220.12: 50% initial on a long margin equity security.</summary>
    public const double RegTInitialFraction = 0.50;

    /// <summary>
    /// Reg T short sale: the account must hold 150% of the stock's value, i.e. the sale proceeds (100%) plus 50%
    /// more; so the margin is 150% of the value and the proceeds are 100% of it, leaving 50% excluding proceeds.
    /// </summary>
    public const double RegTShortSaleHeldFraction = 1.50;

    public static StrategyRequirement LongStock(double pricePerUnit, double units)
    {
        StrategyGuard.NonNegative(pricePerUnit, nameof(pricePerUnit));
        StrategyGuard.NonNegative(units, nameof(units));
        return new StrategyRequirement(RegTInitialFraction * pricePerUnit * units, 0.0, 0.0);
    }

    public static StrategyRequirement ShortStock(double pricePerUnit, double units)
    {
        StrategyGuard.NonNegative(pricePerUnit, nameof(pricePerUnit));
        StrategyGuard.NonNegative(units, nameof(units));
        var value = pricePerUnit * units;
        return new StrategyRequirement(RegTShortSaleHeldFraction * value, 0.0, value);
    }
}
