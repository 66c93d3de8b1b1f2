using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Core.Scenarios;

/// <summary>
/// A given set of horizon scenarios in place of simulated paths: the spot and ATM vol of every underlying of the
/// snapshot in each scenario, as levels at the horizon date. Filtered historical simulation (Eurex Prisma, CME
/// SPAN 2), a regulator's prescribed moves or a file a user brings are all this shape; the engine revalues every
/// position on every scenario and takes the tail over them exactly as over simulated paths. Levels rather than
/// returns, so that a set taken from a simulated run reproduces that run bit for bit.
/// </summary>
public sealed class ScenarioSet
{
    /// <param name="count">Scenarios; each plays the role of one path.</param>
    /// <param name="spot">Horizon spot, [underlying · count + scenario], underlyings in the snapshot's order.</param>
    /// <param name="atmVol">Horizon ATM vol (annualised), laid out as <paramref name="spot"/>.</param>
    public ScenarioSet(int count, double[] spot, double[] atmVol)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(atmVol);
        if (count < 1 || spot.Length % count != 0 || atmVol.Length != spot.Length)
        {
            throw new ArgumentException($"{count} scenarios need spot and vol arrays of a multiple of {count} values, got {spot.Length} and {atmVol.Length}.");
        }

        Count = count;
        Spot = spot;
        AtmVol = atmVol;
    }

    public int Count { get; }

    public int Underlyings => Spot.Length / Count;

    /// <summary>[underlying · Count + scenario].</summary>
    public double[] Spot { get; }

    /// <summary>[underlying · Count + scenario].</summary>
    public double[] AtmVol { get; }

    /// <summary>
    /// The first value that cannot be a market state (a spot or vol outside the market file's bounds,
    /// <see cref="PlausibilityBounds"/>, or a set whose underlyings are not the snapshot's), or null for a set the
    /// engine can price. For sets that arrive whole (a grain call) rather than row by row from a file.
    /// </summary>
    public string? FirstProblem(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (Underlyings != market.Underlyings.Count)
        {
            return $"the scenarios cover {Underlyings} underlyings, the market {market.Underlyings.Count}";
        }

        for (var u = 0; u < Underlyings; u++)
        {
            for (var s = 0; s < Count; s++)
            {
                var at = u * Count + s;
                if (PlausibilityBounds.Price(Spot[at]) is { } spotProblem)
                {
                    return $"scenario {s}: the spot of {market.Underlyings[u].Id} {spotProblem}";
                }

                if (PlausibilityBounds.AtmVol(AtmVol[at]) is { } volProblem)
                {
                    return $"scenario {s}: the ATM vol of {market.Underlyings[u].Id} {volProblem}";
                }
            }
        }

        return null;
    }
}
