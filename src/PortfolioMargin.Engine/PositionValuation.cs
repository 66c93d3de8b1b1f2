using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Engine;

/// <summary>Account Greeks in currency: delta × spot, gamma × spot²/100, vega per vol point, theta per day.</summary>
public readonly record struct CurrencyGreeks(double Delta, double Gamma, double Vega, double Theta);

/// <summary>Valuation and Greeks at t = 0 on the host, with the same pricing formulas the kernels use.</summary>
public static class PositionValuation
{
    public static IReadOnlyList<PositionRisk> Value(MarketSnapshot market, IReadOnlyList<Position> positions)
    {
        var result = new PositionRisk[positions.Count];
        var index = market.IndexById();
        Parallel.For(0, positions.Count, i =>
        {
            var position = positions[i];
            var u = market.Underlyings[index[position.Underlying]];
            var years = position.Expiry is { } expiry ? DayCount.YearFraction(market.AsOfDate, expiry) : 0.0;
            var omega = position.Right is { } right ? (double)(int)right : 0.0;
            var strike = position.Strike ?? 0.0;
            var greeks = InstrumentPricer.UnitGreeks(
                (int)position.Type, omega, strike, years, u.Spot, u.AtmVol, u.Skew, u.Smile, market.Rate, u.DividendYield);
            var notional = position.Notional;
            result[i] = new PositionRisk(
                position,
                greeks.Price,
                greeks.Price * notional,
                greeks.Delta * notional,
                greeks.Gamma * notional,
                greeks.Vega * 0.01 * notional,
                greeks.ThetaPerYear / DayCount.DaysPerYear * notional);
        });

        return result;
    }

    public static IReadOnlyDictionary<string, CurrencyGreeks> AccountGreeks(MarketSnapshot market, IReadOnlyList<PositionRisk> positions)
    {
        var totals = new Dictionary<string, CurrencyGreeks>(StringComparer.Ordinal);
        var index = market.IndexById();
        foreach (var risk in positions)
        {
            var spot = market.Underlyings[index[risk.Position.Underlying]].Spot;
            var current = totals.GetValueOrDefault(risk.Position.Account);
            totals[risk.Position.Account] = new CurrencyGreeks(
                current.Delta + risk.Delta * spot,
                current.Gamma + risk.Gamma * spot * spot / 100.0,
                current.Vega + risk.Vega,
                current.Theta + risk.Theta);
        }

        return totals;
    }
}
