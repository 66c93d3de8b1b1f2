using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Checks that need two files at once: positions and collateral against the market snapshot. Errors name the
/// positions or collateral line, since that is where the fix usually goes.
/// </summary>
internal static class PortfolioValidation
{
    public static void CheckPositions(MarketSnapshot market, IReadOnlyList<Position> positions, string positionsFile)
    {
        // A hash lookup, not MarketSnapshot.IndexOf: a book has millions of positions and the scan is over every underlying.
        var underlyings = market.IndexById();
        foreach (var position in positions)
        {
            if (!underlyings.TryGetValue(position.Underlying, out var u))
            {
                throw new InputException(positionsFile, position.SourceLine, "underlying", $"'{position.Underlying}' is not in the market snapshot");
            }

            if (PlausibilityBounds.Notional(position.Quantity, position.Multiplier, market.Underlyings[u].Spot) is { } problem)
            {
                throw new InputException(positionsFile, position.SourceLine, "quantity", problem);
            }

            // An expiry on the as-of date is still live: it settles at today's close, at intrinsic value.
            if (position.Expiry is { } expiry && expiry < market.AsOfDate)
            {
                var what = position.Type == InstrumentType.Option ? "option" : "future";
                throw new InputException(positionsFile, position.SourceLine, "expiry", $"{what} expired on {expiry:yyyy-MM-dd}, before the market date {market.AsOfDate:yyyy-MM-dd}");
            }
        }
    }

    /// <summary>Collateral is cash in the settlement currency or units of an underlying; accounts without positions may hold it.</summary>
    public static void CheckCollateral(MarketSnapshot market, IReadOnlyList<CollateralHolding> collateral, string collateralFile)
    {
        var underlyings = market.IndexById();
        foreach (var holding in collateral)
        {
            var cash = holding.Asset == market.Currency;
            if (!cash && !underlyings.ContainsKey(holding.Asset))
            {
                throw new InputException(collateralFile, holding.SourceLine, "asset", $"'{holding.Asset}' is neither the currency {market.Currency} nor an underlying in the market snapshot");
            }

            var price = cash ? 1.0 : market.Underlyings[underlyings[holding.Asset]].Spot;
            if (PlausibilityBounds.HoldingValue(holding.Amount, price) is { } problem)
            {
                throw new InputException(collateralFile, holding.SourceLine, "amount", problem);
            }
        }
    }
}
