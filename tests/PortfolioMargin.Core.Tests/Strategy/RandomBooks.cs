using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>
/// Seeded random books. <see cref="BenchmarkLike"/> follows the benchmark recipe (src/PortfolioMargin.Cli/Bench/BookGenerator.cs):
/// 20 positions per account and underlying, 10% spot (quantity × 100 shares), 10% futures, 80% options on 13 strikes
/// from 70% to 130% of spot and 6 expiries, quantities −20..20 without 0, priced by Black–Scholes.
/// </summary>
internal static class RandomBooks
{
    public static readonly DateOnly Valuation = new(2026, 11, 20);

    private static readonly DateOnly[] Expiries =
        [new(2026, 12, 18), new(2027, 1, 15), new(2027, 2, 19), new(2027, 3, 19), new(2027, 6, 18), new(2027, 12, 17)];

    public static (StrategyUnderlying Underlying, List<StrategyLeg> Legs) BenchmarkLike(System.Random random, int positions = 20)
    {
        var spot = Math.Round(20 + (480 * random.NextDouble()), 2);
        var vol = 0.15 + (0.65 * random.NextDouble());
        var underlying = new StrategyUnderlying("U", spot, isBroadBasedIndex: random.NextDouble() < 0.2);
        var legs = new List<StrategyLeg>();
        for (var p = 0; p < positions; p++)
        {
            var quantity = random.Next(-20, 20);
            quantity = quantity == 0 ? 1 : quantity;
            var expiry = Expiries[random.Next(Expiries.Length)];
            var kind = random.NextDouble();
            if (kind < 0.1)
            {
                legs.Add(StrategyLeg.Spot(quantity * 100, spot));
            }
            else if (kind < 0.2)
            {
                legs.Add(StrategyLeg.Future(quantity, spot, 100.0, expiry));
            }
            else
            {
                var strike = Math.Round(spot * (0.7 + (0.05 * random.Next(13))), 2);
                var isCall = random.NextDouble() < 0.5;
                legs.Add(Option(isCall, quantity, strike, expiry, spot, vol));
            }
        }

        return (underlying, legs);
    }

    /// <summary>A few options on a small grid (strikes 90–110 by 5, two expiries) and maybe stock: small enough to enumerate.</summary>
    public static (StrategyUnderlying Underlying, List<StrategyLeg> Legs) Small(System.Random random, int positions, int maxQuantity)
    {
        const double Spot = 100.0;
        var underlying = new StrategyUnderlying("S", Spot, isBroadBasedIndex: random.NextDouble() < 0.3);
        var legs = new List<StrategyLeg>();
        for (var p = 0; p < positions; p++)
        {
            var quantity = random.Next(1, maxQuantity + 1) * (random.NextDouble() < 0.5 ? -1 : 1);
            if (random.NextDouble() < 0.1)
            {
                legs.Add(StrategyLeg.Spot(Math.Abs(quantity) * 100, Spot));
                continue;
            }

            var strike = 90.0 + (5.0 * random.Next(5));
            var expiry = Expiries[random.Next(2)];
            legs.Add(Option(random.NextDouble() < 0.5, quantity, strike, expiry, Spot, 0.3));
        }

        return (underlying, legs);
    }

    private static StrategyLeg Option(bool isCall, double contracts, double strike, DateOnly expiry, double spot, double vol)
    {
        var years = (expiry.DayNumber - Valuation.DayNumber) / 365.0;
        var premium = Math.Round(BlackScholes.Price(isCall ? 1.0 : -1.0, spot, strike, years, 0.03, 0.01, vol), 2);
        return isCall ? StrategyLeg.Call(contracts, strike, expiry, premium) : StrategyLeg.Put(contracts, strike, expiry, premium);
    }
}
