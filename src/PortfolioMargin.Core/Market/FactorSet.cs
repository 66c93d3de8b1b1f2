using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Market;

/// <summary>
/// The underlyings a run simulates: those its positions or its collateral reference, never the whole snapshot. A
/// market file may list thousands the book never touches; they would only cost a Cholesky factorization of their
/// size (cubic), factor buffers and random draws, and could not change a margin. The factor model is the snapshot
/// restricted to this set (<see cref="MarketSnapshot.Restrict"/>): the underlyings in the snapshot's order, the
/// principal submatrix of the correlation, and each underlying's place in the set as its factor index, the key of
/// its random numbers. So a snapshot without unused underlyings simulates exactly as before, and a snapshot with them
/// simulates exactly as the snapshot with them deleted.
/// </summary>
public static class FactorSet
{
    /// <summary>
    /// The referenced underlyings' indices into <paramref name="market"/>, in the snapshot's order: every underlying
    /// a position is written on, and every collateral asset that is an underlying. Ids the snapshot does not list
    /// are left out (validation reports them).
    /// </summary>
    public static int[] Referenced(MarketSnapshot market, IEnumerable<Position> positions, IEnumerable<CollateralHolding> collateral)
    {
        ArgumentNullException.ThrowIfNull(market);
        var index = market.IndexById();
        var used = new bool[market.Underlyings.Count];
        foreach (var position in positions)
        {
            if (index.TryGetValue(position.Underlying, out var u))
            {
                used[u] = true;
            }
        }

        foreach (var holding in collateral)
        {
            if (index.TryGetValue(holding.Asset, out var u))
            {
                used[u] = true;
            }
        }

        var result = new List<int>();
        for (var u = 0; u < used.Length; u++)
        {
            if (used[u])
            {
                result.Add(u);
            }
        }

        return [.. result];
    }

    /// <summary>Every underlying of the snapshot, in its order: the factor set of a part priced before parts carried their run's.</summary>
    public static string[] EveryUnderlying(MarketSnapshot market) => [.. market.Underlyings.Select(u => u.Id)];

    /// <summary>The ids of <see cref="Referenced"/>: what a run cut into parts hands every part (see <see cref="Of"/>).</summary>
    public static string[] ReferencedIds(MarketSnapshot market, IEnumerable<Position> positions, IEnumerable<CollateralHolding> collateral) =>
        [.. Referenced(market, positions, collateral).Select(u => market.Underlyings[u].Id)];

    /// <summary>
    /// The factor set of one engine call, as indices into <paramref name="market"/>: the <paramref name="pinned"/>
    /// ids first, in their order (a whole run's set, given to each shard and each intraday recompute so that every
    /// part draws the factors the whole run drew), then any underlying the call references that they miss, in the
    /// snapshot's order. A Cholesky factor's leading rows depend only on the leading block, so an underlying added
    /// at the end (a position taken intraday in an underlying the run did not hold) leaves every other factor's
    /// draws as they were. Without <paramref name="pinned"/>: <see cref="Referenced"/>.
    /// </summary>
    public static int[] Of(MarketSnapshot market, IReadOnlyList<string>? pinned, IEnumerable<Position> positions, IEnumerable<CollateralHolding> collateral)
    {
        var referenced = Referenced(market, positions, collateral);
        if (pinned is null)
        {
            return referenced;
        }

        var index = market.IndexById();
        var taken = new bool[market.Underlyings.Count];
        var result = new List<int>(pinned.Count + referenced.Length);
        foreach (var id in pinned)
        {
            if (index.TryGetValue(id, out var u) && !taken[u])
            {
                taken[u] = true;
                result.Add(u);
            }
        }

        foreach (var u in referenced)
        {
            if (!taken[u])
            {
                taken[u] = true;
                result.Add(u);
            }
        }

        return [.. result];
    }

    /// <summary>True when <paramref name="factors"/> is every underlying of a market of that size, in order: nothing to restrict.</summary>
    public static bool IsWhole(IReadOnlyList<int> factors, int underlyings)
    {
        if (factors.Count != underlyings)
        {
            return false;
        }

        for (var i = 0; i < factors.Count; i++)
        {
            if (factors[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A given scenario set's rows for the factor set (its rows follow the full snapshot's underlyings).</summary>
    public static ScenarioSet Restrict(ScenarioSet given, IReadOnlyList<int> factors)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (IsWhole(factors, given.Underlyings))
        {
            return given;
        }

        var count = given.Count;
        var spot = new double[(long)factors.Count * count];
        var vol = new double[spot.Length];
        for (var k = 0; k < factors.Count; k++)
        {
            Array.Copy(given.Spot, (long)factors[k] * count, spot, (long)k * count, count);
            Array.Copy(given.AtmVol, (long)factors[k] * count, vol, (long)k * count, count);
        }

        return new ScenarioSet(count, spot, vol);
    }
}
