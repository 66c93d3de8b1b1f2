namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Every recognised strategy the net legs could form, one unit each, from the templates: vertical, calendar and
/// diagonal spreads (long expiring with or after the short), short straddles and strangles (one expiry), covered
/// calls, iron condors and butterflies, and long butterflies (equal intervals). A candidate is kept only if it saves
/// something against its legs charged outright; protective puts, collars and short butterflies save nothing under
/// Reg T initial margin and are named afterwards (<see cref="StrategyNaming"/>). Ratio spreads need no template:
/// a spread plus the excess shorts left naked is what the packing finds.
/// </summary>
internal sealed class CandidateGenerator
{
    /// <summary>Leg combinations looked at before generation stops (a hostile book of hundreds of strikes).</summary>
    public const int CombinationLimit = 200_000;

    private readonly List<StrategyLeg> _legs;
    private readonly StrategyUnderlying _underlying;
    private readonly double[] _outrightPerUnit;
    private readonly List<CandidateStrategy> _candidates = [];
    private int _combinations;

    private CandidateGenerator(List<StrategyLeg> legs, StrategyUnderlying underlying, double[] outrightPerUnit)
    {
        _legs = legs;
        _underlying = underlying;
        _outrightPerUnit = outrightPerUnit;
    }

    public bool Truncated { get; private set; }

    /// <summary>Candidates in a canonical order (template, then leg indexes); <paramref name="truncated"/> if a limit cut the list.</summary>
    public static List<CandidateStrategy> Generate(
        List<StrategyLeg> legs, StrategyUnderlying underlying, double[] outrightPerUnit, int candidateLimit, out bool truncated)
    {
        var generator = new CandidateGenerator(legs, underlying, outrightPerUnit);
        generator.Run();
        truncated = generator.Truncated;
        var found = generator._candidates;
        if (found.Count <= candidateLimit)
        {
            return found;
        }

        // Keep the candidates that save most per contract they use, in their canonical order.
        truncated = true;
        var kept = Enumerable.Range(0, found.Count)
            .OrderByDescending(k => found[k].SavingsPerUnit / found[k].UsePerUnit.Sum())
            .ThenBy(k => k)
            .Take(candidateLimit)
            .Order()
            .Select(k => found[k])
            .ToList();
        return kept;
    }

    private void Run()
    {
        var shortCalls = Indexes(LegKind.Call, isLong: false);
        var longCalls = Indexes(LegKind.Call, isLong: true);
        var shortPuts = Indexes(LegKind.Put, isLong: false);
        var longPuts = Indexes(LegKind.Put, isLong: true);
        var longSpots = Indexes(LegKind.Spot, isLong: true);
        Spreads(shortCalls, longCalls);
        Spreads(shortPuts, longPuts);
        Straddles(shortCalls, shortPuts);
        CoveredCalls(longSpots, shortCalls);
        IronCondors(longPuts, shortPuts, shortCalls, longCalls);
        LongButterflies(longCalls, shortCalls);
        LongButterflies(longPuts, shortPuts);
    }

    private int[] Indexes(LegKind kind, bool isLong) =>
        Enumerable.Range(0, _legs.Count).Where(i => _legs[i].Kind == kind && _legs[i].Quantity > 0.0 == isLong).ToArray();

    private bool Budget()
    {
        if (++_combinations <= CombinationLimit)
        {
            return true;
        }

        Truncated = true;
        return false;
    }

    private void Spreads(int[] shorts, int[] longs)
    {
        foreach (var s in shorts)
        {
            foreach (var l in longs)
            {
                if (!Budget())
                {
                    return;
                }

                var (sh, lo) = (_legs[s], _legs[l]);
                if (sh.Multiplier != lo.Multiplier || lo.Expiry < sh.Expiry)
                {
                    continue;
                }

                var requirement = SpreadRules.Vertical(sh.Kind, sh.Strike, sh.UnitPrice, lo.Strike, lo.UnitPrice, sh.Multiplier, 1.0);
                var isCredit = requirement.Margin > 0.0;
                var name = (lo.Expiry == sh.Expiry, lo.Strike == sh.Strike) switch
                {
                    (true, _) => isCredit ? StrategyTypeNames.CreditVertical : StrategyTypeNames.DebitVertical,
                    (false, true) => StrategyTypeNames.LongCalendar,
                    (false, false) => isCredit ? StrategyTypeNames.CreditDiagonal : StrategyTypeNames.DebitDiagonal,
                };
                Add(name, [s, l], [1.0, 1.0], requirement);
            }
        }
    }

    private void Straddles(int[] shortCalls, int[] shortPuts)
    {
        foreach (var c in shortCalls)
        {
            foreach (var p in shortPuts)
            {
                if (!Budget())
                {
                    return;
                }

                var (call, put) = (_legs[c], _legs[p]);
                if (call.Multiplier != put.Multiplier || call.Expiry != put.Expiry)
                {
                    continue;
                }

                var requirement = ShortStraddleRules.ShortStraddle(
                    _underlying.Spot, call.Strike, call.UnitPrice, put.Strike, put.UnitPrice, call.Multiplier, 1.0, _underlying.IsBroadBasedIndex);
                Add(call.Strike == put.Strike ? StrategyTypeNames.ShortStraddle : StrategyTypeNames.ShortStrangle, [c, p], [1.0, 1.0], requirement);
            }
        }
    }

    private void CoveredCalls(int[] longSpots, int[] shortCalls)
    {
        foreach (var s in longSpots)
        {
            foreach (var c in shortCalls)
            {
                if (!Budget())
                {
                    return;
                }

                var (stock, call) = (_legs[s], _legs[c]);
                var requirement = CoveredRules.CoveredCall(stock.UnitPrice, call.Strike, call.UnitPrice, call.Multiplier, 1.0);

                // One call is covered by its multiplier in underlying units, i.e. multiplier / (units per share) shares.
                Add(StrategyTypeNames.CoveredCall, [s, c], [call.Multiplier / stock.Multiplier, 1.0], requirement);
            }
        }
    }

    private void IronCondors(int[] longPuts, int[] shortPuts, int[] shortCalls, int[] longCalls)
    {
        foreach (var sp in shortPuts)
        {
            foreach (var lp in longPuts)
            {
                if (!Budget())
                {
                    return;
                }

                var (shortPut, longPut) = (_legs[sp], _legs[lp]);
                if (!SameSeries(shortPut, longPut) || longPut.Strike >= shortPut.Strike)
                {
                    continue;
                }

                foreach (var sc in shortCalls)
                {
                    if (!Budget())
                    {
                        return;
                    }

                    var shortCall = _legs[sc];
                    if (!SameSeries(shortPut, shortCall) || shortCall.Strike < shortPut.Strike)
                    {
                        continue;
                    }

                    foreach (var lc in longCalls)
                    {
                        if (!Budget())
                        {
                            return;
                        }

                        var longCall = _legs[lc];
                        if (!SameSeries(shortPut, longCall) || longCall.Strike <= shortCall.Strike)
                        {
                            continue;
                        }

                        var requirement = SpreadRules.IronCondor(
                            longPut.Strike, longPut.UnitPrice, shortPut.Strike, shortPut.UnitPrice,
                            shortCall.Strike, shortCall.UnitPrice, longCall.Strike, longCall.UnitPrice, shortPut.Multiplier, 1.0);
                        var name = shortCall.Strike == shortPut.Strike ? StrategyTypeNames.IronButterfly : StrategyTypeNames.IronCondor;
                        Add(name, [lp, sp, sc, lc], [1.0, 1.0, 1.0, 1.0], requirement);
                    }
                }
            }
        }
    }

    private void LongButterflies(int[] longs, int[] shorts)
    {
        foreach (var body in shorts)
        {
            foreach (var lower in longs)
            {
                if (!Budget())
                {
                    return;
                }

                var (b, w1) = (_legs[body], _legs[lower]);
                if (!SameSeries(b, w1) || w1.Strike >= b.Strike)
                {
                    continue;
                }

                foreach (var upper in longs)
                {
                    if (!Budget())
                    {
                        return;
                    }

                    var w2 = _legs[upper];
                    if (!SameSeries(b, w2) || !EqualIntervals(w1.Strike, b.Strike, w2.Strike))
                    {
                        continue;
                    }

                    var requirement = SpreadRules.LongButterfly(w1.UnitPrice, b.UnitPrice, w2.UnitPrice, b.Multiplier, 1.0);
                    Add(StrategyTypeNames.LongButterfly, [lower, body, upper], [1.0, 2.0, 1.0], requirement);
                }
            }
        }
    }

    internal static bool SameSeries(StrategyLeg x, StrategyLeg y) => x.Expiry == y.Expiry && x.Multiplier == y.Multiplier;

    /// <summary>Strikes printed to the cent: equal intervals up to rounding of the strikes themselves.</summary>
    internal static bool EqualIntervals(double lower, double middle, double upper) =>
        upper > middle && Math.Abs((middle - lower) - (upper - middle)) <= 1e-9 * Math.Max(1.0, upper);

    private void Add(string typeName, int[] legIndexes, double[] usePerUnit, StrategyRequirement requirement)
    {
        var outright = 0.0;
        for (var k = 0; k < legIndexes.Length; k++)
        {
            outright += usePerUnit[k] * _outrightPerUnit[legIndexes[k]];
        }

        var savings = outright - requirement.RequirementIncludingPremium;
        if (savings > 1e-9 * Math.Max(1.0, outright))
        {
            _candidates.Add(new CandidateStrategy(typeName, legIndexes, usePerUnit, requirement, savings));
        }
    }
}
