namespace PortfolioMargin.Core.Strategy;

/// <summary>Options held against long stock [TW-CC][CBOE-2007].</summary>
public static class CoveredRules
{
    /// <summary>
    /// Covered call: the stock's Reg T requirement only, no margin on the call, its proceeds applied. When the call is
    /// in the money the stock's loan value is taken at no more than the strike, so the stock needs
    /// S − 50% × min(S, K) per unit (50% × S when out of the money). <paramref name="contracts"/> counts calls, each
    /// covered by <paramref name="multiplier"/> underlying units of stock.
    /// </summary>
    public static StrategyRequirement CoveredCall(
        double stockPricePerUnit, double callStrike, double callPremiumPerUnit, double multiplier, double contracts)
    {
        StrategyGuard.Positive(stockPricePerUnit, nameof(stockPricePerUnit));
        StrategyGuard.Positive(callStrike, nameof(callStrike));
        StrategyGuard.NonNegative(callPremiumPerUnit, nameof(callPremiumPerUnit));
        StrategyGuard.Positive(multiplier, nameof(multiplier));
        StrategyGuard.NonNegative(contracts, nameof(contracts));
        var units = multiplier * contracts;
        var loanValuePerUnit = StockRules.RegTInitialFraction * Math.Min(stockPricePerUnit, callStrike);
        return new StrategyRequirement((stockPricePerUnit - loanValuePerUnit) * units, 0.0, callPremiumPerUnit * units);
    }

    /// <summary>Protective put: under Reg T initial margin the put earns no offset; long stock at 50% plus the put paid.</summary>
    public static StrategyRequirement ProtectivePut(
        double stockPricePerUnit, double putPremiumPerUnit, double multiplier, double contracts, DateOnly putExpiry, DateOnly valuationDate) =>
        StockRules.LongStock(stockPricePerUnit, multiplier * contracts)
        + LongOptionRules.LongOption(putPremiumPerUnit, multiplier, contracts, putExpiry, valuationDate);

    /// <summary>Collar: a covered call plus a protective put on the same stock; the put paid, the call's proceeds applied.</summary>
    public static StrategyRequirement Collar(
        double stockPricePerUnit,
        double putPremiumPerUnit,
        double callStrike,
        double callPremiumPerUnit,
        double multiplier,
        double contracts,
        DateOnly putExpiry,
        DateOnly valuationDate) =>
        CoveredCall(stockPricePerUnit, callStrike, callPremiumPerUnit, multiplier, contracts)
        + LongOptionRules.LongOption(putPremiumPerUnit, multiplier, contracts, putExpiry, valuationDate);
}
