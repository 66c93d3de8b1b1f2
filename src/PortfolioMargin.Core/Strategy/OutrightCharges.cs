namespace PortfolioMargin.Core.Strategy;

/// <summary>What one contract (or share) of a leg costs when no strategy covers it.</summary>
internal static class OutrightCharges
{
    public static (string TypeName, StrategyRequirement PerUnit) For(StrategyLeg leg, StrategyUnderlying underlying, StrategyParameters parameters)
    {
        var isLong = leg.Quantity > 0.0;
        return leg.Kind switch
        {
            LegKind.Spot => isLong
                ? (StrategyTypeNames.LongStock, StockRules.LongStock(leg.UnitPrice, leg.Multiplier))
                : (StrategyTypeNames.ShortStock, StockRules.ShortStock(leg.UnitPrice, leg.Multiplier)),
            LegKind.Future => (
                isLong ? StrategyTypeNames.LongFuture : StrategyTypeNames.ShortFuture,
                FuturesRules.Future(leg.UnitPrice, leg.Multiplier, 1.0, parameters.FuturesRates.FractionFor(underlying.Name))),
            LegKind.Call => isLong
                ? (StrategyTypeNames.LongCall, LongOptionRules.LongOption(leg.UnitPrice, leg.Multiplier, 1.0, leg.Expiry, parameters.ValuationDate))
                : (StrategyTypeNames.NakedShortCall, NakedShortRules.NakedShortCall(
                    underlying.Spot, leg.Strike, leg.UnitPrice, leg.Multiplier, 1.0, underlying.IsBroadBasedIndex)),
            LegKind.Put => isLong
                ? (StrategyTypeNames.LongPut, LongOptionRules.LongOption(leg.UnitPrice, leg.Multiplier, 1.0, leg.Expiry, parameters.ValuationDate))
                : (StrategyTypeNames.NakedShortPut, NakedShortRules.NakedShortPut(
                    underlying.Spot, leg.Strike, leg.UnitPrice, leg.Multiplier, 1.0, underlying.IsBroadBasedIndex)),
            _ => throw new ArgumentException($"Unknown leg kind {leg.Kind}.", nameof(leg)),
        };
    }
}
