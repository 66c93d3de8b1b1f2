using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>The pairing finds the least total requirement, whatever the order of the legs.</summary>
public sealed class PairingOptimalityTests
{
    private static readonly StrategyParameters Parameters = new(RandomBooks.Valuation);

    [Fact]
    public void Pairing_matches_brute_force_enumeration_on_small_books()
    {
        var random = new System.Random(20_240_611);
        var checkedBooks = 0;
        for (var book = 0; book < 300; book++)
        {
            var (underlying, legs) = RandomBooks.Small(random, positions: 6, maxQuantity: 3);
            var brute = BruteForceMinimum(legs, underlying);
            var paired = StrategyPairing.Optimize(legs, underlying, Parameters);

            Assert.True(paired.ProvenOptimal);
            Assert.Equal(brute, paired.Total.RequirementIncludingPremium, 1e-6 * Math.Max(1.0, brute));
            checkedBooks++;
        }

        Assert.Equal(300, checkedBooks);
    }

    [Fact]
    public void Same_legs_in_any_order_give_the_same_strategies_and_total()
    {
        var random = new System.Random(7);
        for (var book = 0; book < 50; book++)
        {
            var (underlying, legs) = RandomBooks.BenchmarkLike(random);
            var first = StrategyPairing.Optimize(legs, underlying, Parameters);
            var shuffled = legs.OrderBy(_ => random.Next()).ToList();

            // Splitting a holding in two lines must not matter either.
            var split = shuffled.SelectMany(l => Math.Abs(l.Quantity) > 1 && l.Kind != LegKind.Spot
                ? new[] { l.WithQuantity(Math.Sign(l.Quantity)), l.WithQuantity(l.Quantity - Math.Sign(l.Quantity)) }
                : [l]).ToList();
            var second = StrategyPairing.Optimize(split, underlying, Parameters);

            Assert.Equal(first.Total, second.Total);
            Assert.Equal(Describe(first), Describe(second));
        }
    }

    [Fact]
    public void Greedy_pairing_is_beaten_where_one_short_call_could_serve_two_strategies()
    {
        // S = 100. The March short 100 C and 100 P make a straddle (saves 2,000 against naked), the single best pair; but
        // each short is also a credit diagonal against a June long 13 points out (saves 1,200 each). Greedy takes the
        // straddle and strands both longs: 3,000 + 100 = 3,100; the optimum is the two diagonals: 2 × 1,350 = 2,700.
        var march = new DateOnly(2027, 3, 19);
        var june = new DateOnly(2027, 6, 18);
        StrategyLeg[] legs =
        [
            StrategyLeg.Call(-1, 100.0, march, 5.0),
            StrategyLeg.Call(1, 113.0, june, 0.5),
            StrategyLeg.Put(-1, 100.0, march, 5.0),
            StrategyLeg.Put(1, 87.0, june, 0.5),
        ];
        var underlying = new StrategyUnderlying("XYZ", 100.0, isBroadBasedIndex: false);

        var paired = StrategyPairing.Optimize(legs, underlying, Parameters);

        Assert.Equal(3_100.0, GreedyTotal(legs, underlying), 1e-6);
        Assert.Equal(2_700.0, paired.Total.RequirementIncludingPremium, 1e-6);
        Assert.Equal(["credit_diagonal", "credit_diagonal"], paired.Strategies.Select(s => s.TypeName));
    }

    [Fact]
    public void Node_limit_stops_the_search_with_the_best_pairing_found_flagged_unproven()
    {
        var (underlying, legs) = FirstBookThatBranches();
        var bounded = new StrategyParameters(RandomBooks.Valuation, nodeLimit: 1);

        var cut = StrategyPairing.Optimize(legs, underlying, bounded);
        var again = StrategyPairing.Optimize(legs.AsEnumerable().Reverse(), underlying, bounded);
        var full = StrategyPairing.Optimize(legs, underlying, new StrategyParameters(RandomBooks.Valuation, nodeLimit: 1_000_000));

        Assert.False(cut.ProvenOptimal);
        Assert.Equal(1, cut.NodesSolved);
        Assert.Equal(cut.Total, again.Total);
        Assert.True(full.ProvenOptimal);
        Assert.True(cut.Total.RequirementIncludingPremium >= full.Total.RequirementIncludingPremium - 1e-6);
        AssertEveryContractCharged(legs, cut);
        AssertEveryContractCharged(legs, full);
    }

    [Fact]
    public void Candidate_limit_keeps_the_best_candidates_and_flags_the_result_unproven()
    {
        var (underlying, legs) = HostileBook();

        var cut = StrategyPairing.Optimize(legs, underlying, new StrategyParameters(RandomBooks.Valuation, candidateLimit: 3));

        Assert.False(cut.ProvenOptimal);
        AssertEveryContractCharged(legs, cut);
    }

    [Fact]
    public void Hostile_book_finishes_within_the_default_work_bound()
    {
        var (underlying, legs) = HostileBook();

        var paired = StrategyPairing.Optimize(legs, underlying, Parameters);

        Assert.True(paired.NodesSolved <= StrategyParameters.DefaultNodeLimit);
        AssertEveryContractCharged(legs, paired);
    }

    /// <summary>The first seeded benchmark-like book whose root LP is fractional (a butterfly on an odd body count).</summary>
    private static (StrategyUnderlying Underlying, List<StrategyLeg> Legs) FirstBookThatBranches()
    {
        var random = new System.Random(11);
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var book = RandomBooks.BenchmarkLike(random);
            if (StrategyPairing.Optimize(book.Legs, book.Underlying, Parameters).NodesSolved > 1)
            {
                return book;
            }
        }

        throw new InvalidOperationException("No book of the first thousand needed a branch.");
    }

    /// <summary>Every strike of one expiry, calls and puts, alternating long and short: butterflies and condors everywhere.</summary>
    internal static (StrategyUnderlying Underlying, List<StrategyLeg> Legs) HostileBook()
    {
        var expiry = new DateOnly(2027, 3, 19);
        var legs = new List<StrategyLeg>();
        for (var k = 0; k < 13; k++)
        {
            var strike = 70.0 + (5.0 * k);
            var sign = k % 2 == 0 ? 1 : -1;
            legs.Add(StrategyLeg.Call(sign * (3 + (k % 4)), strike, expiry, Math.Max(100.0 - strike, 0.0) + 1.0));
            legs.Add(StrategyLeg.Put(-sign * (2 + (k % 3)), strike, expiry, Math.Max(strike - 100.0, 0.0) + 1.0));
        }

        return (new StrategyUnderlying("H", 100.0, isBroadBasedIndex: false), legs);
    }

    private static void AssertEveryContractCharged(List<StrategyLeg> legs, UnderlyingStrategyMargin result)
    {
        var charged = result.Strategies
            .SelectMany(s => s.LegsPerUnit.Select(l => (Key: (l.Kind, l.Strike, l.Expiry), Quantity: l.Quantity * s.Multiplicity)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));
        var held = legs
            .GroupBy(l => (l.Kind, l.Strike, l.Expiry))
            .Select(g => (g.Key, Quantity: g.Sum(l => l.Quantity)))
            .Where(h => h.Quantity != 0.0)
            .ToList();
        foreach (var (key, quantity) in held)
        {
            Assert.Equal(quantity, charged[key], 1e-9);
        }

        Assert.Equal(held.Count, charged.Count);
    }

    private static string Describe(UnderlyingStrategyMargin result) => string.Join(
        "; ",
        result.Strategies.Select(s => $"{s.TypeName} x{s.Multiplicity}: " + string.Join(", ", s.LegsPerUnit.Select(l => $"{l.Quantity} {l.Kind} {l.Strike} {l.Expiry}"))));

    /// <summary>Every integer multiplicity vector within the legs' counts; the least outright total less savings.</summary>
    private static double BruteForceMinimum(List<StrategyLeg> legs, StrategyUnderlying underlying)
    {
        var net = NetLegs.Of(legs);
        var outright = net.Select(l => OutrightCharges.For(l, underlying, Parameters).PerUnit.RequirementIncludingPremium).ToArray();
        var candidates = CandidateGenerator.Generate(net, underlying, outright, int.MaxValue, out _);
        var capacity = net.Select(l => Math.Abs(l.Quantity)).ToArray();
        var outrightTotal = net.Select((l, i) => Math.Abs(l.Quantity) * outright[i]).Sum();
        return outrightTotal - BestSavings(candidates, 0, capacity);
    }

    private static double BestSavings(List<CandidateStrategy> candidates, int from, double[] capacity)
    {
        if (from == candidates.Count)
        {
            return 0.0;
        }

        var c = candidates[from];
        var best = 0.0;
        for (var units = 0; ; units++)
        {
            var fits = true;
            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                fits &= capacity[c.LegIndexes[k]] >= (c.UsePerUnit[k] * units) - 1e-9;
            }

            if (!fits)
            {
                break;
            }

            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                capacity[c.LegIndexes[k]] -= c.UsePerUnit[k] * units;
            }

            best = Math.Max(best, (units * c.SavingsPerUnit) + BestSavings(candidates, from + 1, capacity));
            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                capacity[c.LegIndexes[k]] += c.UsePerUnit[k] * units;
            }
        }

        return best;
    }

    /// <summary>The pass the optimizer replaces: take the candidate that saves most per unit, as often as it fits, repeat.</summary>
    private static double GreedyTotal(StrategyLeg[] legs, StrategyUnderlying underlying)
    {
        var net = NetLegs.Of(legs);
        var outright = net.Select(l => OutrightCharges.For(l, underlying, Parameters).PerUnit.RequirementIncludingPremium).ToArray();
        var candidates = CandidateGenerator.Generate(net, underlying, outright, int.MaxValue, out _);
        var capacity = net.Select(l => Math.Abs(l.Quantity)).ToArray();
        var total = net.Select((l, i) => Math.Abs(l.Quantity) * outright[i]).Sum();
        foreach (var c in candidates.OrderByDescending(c => c.SavingsPerUnit))
        {
            var units = c.LegIndexes.Select((leg, k) => Math.Floor(capacity[leg] / c.UsePerUnit[k])).Min();
            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                capacity[c.LegIndexes[k]] -= c.UsePerUnit[k] * units;
            }

            total -= units * c.SavingsPerUnit;
        }

        return total;
    }
}
