using System.Runtime.InteropServices;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine;

/// <summary>Valuation and Greeks at t = 0 on the host, with the same pricing formulas the kernels use.</summary>
internal static class PositionValuation
{
    /// <summary>
    /// Each distinct instrument is priced once and every position holding it scales the same unit figures: a big
    /// book holds millions of positions in tens of thousands of instruments. The unit figures are a function of
    /// the instrument alone, so sharing them changes no bit.
    /// </summary>
    public static IReadOnlyList<PositionRisk> Value(MarketSnapshot market, IReadOnlyList<Position> positions)
    {
        var index = market.IndexById();
        var ids = new Dictionary<Instrument, int>();
        var instruments = new List<Instrument>();
        var instrumentOf = new int[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            var key = positions[i].Instrument;
            if (!ids.TryGetValue(key, out var id))
            {
                id = instruments.Count;
                ids.Add(key, id);
                instruments.Add(key);
            }

            instrumentOf[i] = id;
        }

        var unit = new OptionGreeks[instruments.Count];
        Parallel.For(0, instruments.Count, k =>
        {
            var key = instruments[k];
            var u = market.Underlyings[index[key.Underlying]];
            var years = key.Expiry is { } expiry ? DayCount.YearFraction(market.AsOfDate, expiry) : 0.0;
            unit[k] = InstrumentPricer.UnitGreeks(
                (int)key.Type, key.Omega, key.Strike ?? 0.0, years, u.Spot, u.AtmVol, u.Skew, u.Smile, market.Rate, u.DividendYield);
        });

        var result = new PositionRisk[positions.Count];
        Parallel.For(0, positions.Count, i =>
        {
            var position = positions[i];
            var greeks = unit[instrumentOf[i]];
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
            // One hash lookup per position, not two: this loop runs over every position of the book.
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, risk.Position.Account, out _);
            total = new CurrencyGreeks(
                total.DeltaCurrency + risk.DeltaUnderlyingUnits * spot,
                total.GammaCurrencyPerPercent + risk.GammaUnderlyingUnits * spot * spot / 100.0,
                total.VegaPerVolPoint + risk.VegaPerVolPoint,
                total.ThetaPerDay + risk.ThetaPerDay);
        }

        return totals;
    }
}
