using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// The rules a position or a collateral holding must keep against the market snapshot it is priced on, written once
/// for the two places a book arrives: the input files (errors by file and line) and grain calls (errors by list
/// element). Each returns the field at fault and the problem, or null.
/// </summary>
public sealed class BookAgainstMarket
{
    private readonly MarketSnapshot _market;

    // A hash lookup, not MarketSnapshot.IndexOf: a book has millions of positions and the scan is over every underlying.
    private readonly Dictionary<string, int> _underlyings;

    public BookAgainstMarket(MarketSnapshot market)
    {
        _market = market;
        _underlyings = market.IndexById();
    }

    public (string Field, string Problem)? PositionProblem(Position position)
    {
        if (!_underlyings.TryGetValue(position.Underlying, out var u))
        {
            return ("underlying", $"'{position.Underlying}' is not in the market snapshot");
        }

        if (PlausibilityBounds.Notional(position.Quantity, position.Multiplier, _market.Underlyings[u].Spot) is { } problem)
        {
            return ("quantity", problem);
        }

        // An expiry on the as-of date is still live: it settles at today's close, at intrinsic value.
        if (position.Expiry is { } expiry && expiry < _market.AsOfDate)
        {
            var what = position.Type == InstrumentType.Option ? "option" : "future";
            return ("expiry", $"{what} expired on {expiry:yyyy-MM-dd}, before the market date {_market.AsOfDate:yyyy-MM-dd}");
        }

        return null;
    }

    /// <summary>Collateral is cash in the settlement currency or units of an underlying; accounts without positions may hold it.</summary>
    public (string Field, string Problem)? HoldingProblem(CollateralHolding holding)
    {
        var cash = holding.Asset == _market.Currency;
        if (!cash && !_underlyings.ContainsKey(holding.Asset))
        {
            return ("asset", $"'{holding.Asset}' is neither the currency {_market.Currency} nor an underlying in the market snapshot");
        }

        var price = cash ? 1.0 : _market.Underlyings[_underlyings[holding.Asset]].Spot;
        return PlausibilityBounds.HoldingValue(holding.Amount, price) is { } problem ? ("amount", problem) : null;
    }
}
