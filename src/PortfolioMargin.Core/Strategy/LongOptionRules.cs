namespace PortfolioMargin.Core.Strategy;

/// <summary>A long listed option held outright [CBOE-SB].</summary>
public static class LongOptionRules
{
    /// <summary>A listed option with more than nine months to expiry has loan value: 75% of its cost is due.</summary>
    public const double LongDatedFractionPaid = 0.75;

    public const int LongDatedAfterMonths = 9;

    /// <summary>100% of the premium, or 75% when the option expires more than nine calendar months after the valuation date.</summary>
    public static StrategyRequirement LongOption(double premiumPerUnit, double multiplier, double contracts, DateOnly expiry, DateOnly valuationDate)
    {
        StrategyGuard.NonNegative(premiumPerUnit, nameof(premiumPerUnit));
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        var fraction = IsLongDated(expiry, valuationDate) ? LongDatedFractionPaid : 1.0;
        return new StrategyRequirement(0.0, fraction * premiumPerUnit * multiplier * contracts, 0.0);
    }

    public static bool IsLongDated(DateOnly expiry, DateOnly valuationDate) => expiry > valuationDate.AddMonths(LongDatedAfterMonths);
}
