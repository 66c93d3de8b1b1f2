using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>
/// The optimizer's work on benchmark-like books (see <see cref="RandomBooks.BenchmarkLike"/>), counted in LP
/// nodes rather than timed: a regression in the bound or the branching shows as more nodes on any machine. Its
/// wall time is measured where speed lives, by the whole-process benchmarks (benchmarks/RESULTS.md).
/// </summary>
public sealed class PairingWorkTests
{
    [Fact]
    public void Benchmark_like_account_underlyings_are_proven_optimal_within_a_few_nodes()
    {
        var random = new System.Random(11);
        var parameters = new StrategyParameters(RandomBooks.Valuation);
        var unproven = 0;
        var maxNodes = 0;
        var strategies = 0;
        for (var book = 0; book < 2_000; book++)
        {
            var (underlying, legs) = RandomBooks.BenchmarkLike(random);
            var result = StrategyPairing.Optimize(legs, underlying, parameters);
            unproven += result.ProvenOptimal ? 0 : 1;
            maxNodes = Math.Max(maxNodes, result.NodesSolved);
            strategies += result.Strategies.Count(s => s.LegsPerUnit.Count > 1);
        }

        Assert.Equal(0, unproven);
        // Every such book closed within 4 nodes when the optimizer was written; twice that is a regression in the bound.
        Assert.InRange(maxNodes, 1, 8);
        Assert.True(strategies > 2_000, "the books should pair into many strategies, or the count measures nothing");
    }
}
