using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// A run simulates the underlyings its whole book references, and every part of it the same set: shards carry the
/// run's factor set, the market state an intraday recompute prices against carries it too. So on a snapshot with
/// unused underlyings (which no longer enter the simulation) a shard, and an account priced alone, still come out
/// bit for bit as in the whole book, which comes out as on the snapshot without them.
/// </summary>
public sealed class UnusedUnderlyingsShardTests
{
    [Fact]
    public void Shards_and_an_account_priced_alone_draw_the_whole_runs_factors()
    {
        var sample = SampleBook.Load();
        sample = sample with { Config = sample.Config with { Paths = 600 } };
        var inputs = sample with { Market = WithUnused(sample.Market) };
        var expected = TestAccelerator.Shared.Run(sample, 0).Result;
        var direct = TestAccelerator.Shared.Run(inputs, 0).Result;
        Assert.Equal(expected.Accounts, direct.Accounts);
        Assert.Equal(14, direct.Work.SimulatedUnderlyings);

        var plan = RunShards.Plan(SampleBook.Request(inputs, "unused", Path.GetTempPath()), 3);
        Assert.Equal(3, plan.Jobs.Count);
        var shards = plan.Jobs.Select(job =>
        {
            Assert.Equal(sample.Market.Underlyings.Select(u => u.Id), job.Factors);
            var part = new MarginInputs(job.Market, job.Positions, job.Collateral, job.Config, job.Scenarios) { Factors = job.Factors };
            return TestAccelerator.Shared.Run(part, 0).Result;
        }).ToList();
        Assert.Equal(expected.Accounts, shards.SelectMany(s => s.Accounts));

        // ACC0076 holds few of the 14; priced alone against the run's market state it is as in the whole book.
        const string Account = "ACC0076";
        var state = new MarketState("run:unused", 1, inputs.Market, inputs.Config, "end-of-day:unused", FactorSet.ReferencedIds(inputs.Market, inputs.Positions, inputs.Collateral));
        var job = new MarginJob(state.Key, state, Account, [.. inputs.Positions.Where(p => p.Account == Account)], [.. inputs.Collateral.Where(c => c.Account == Account)]);
        Assert.True(job.Positions.Select(p => p.Underlying).Distinct().Count() < 14);
        var alone = Assert.Single(BatchPricing.Price(TestAccelerator.Shared, [job]));
        Assert.Equal(expected.Accounts.Single(a => a.Account == Account), alone.Margin);
    }

    /// <summary>The sample snapshot with 30 unused underlyings in front of, between and after its own, uncorrelated.</summary>
    private static MarketSnapshot WithUnused(MarketSnapshot market)
    {
        var underlyings = new List<Underlying>();
        var own = new List<int>();
        for (var i = 0; i < market.Underlyings.Count; i++)
        {
            underlyings.Add(new Underlying($"UNUSED{i}", 80.0 + i, 0.0, 0.3));
            underlyings.Add(new Underlying($"UNUSED{i}B", 90.0 + i, 0.0, 0.4));
            own.Add(underlyings.Count);
            underlyings.Add(market.Underlyings[i]);
        }

        underlyings.Add(new Underlying("UNUSED-LAST", 10.0, 0.0, 0.5));
        underlyings.Add(new Underlying("UNUSED-LAST2", 11.0, 0.0, 0.5));
        var correlation = MarketSnapshot.Identity(underlyings.Count);
        for (var i = 0; i < own.Count; i++)
        {
            for (var j = 0; j < own.Count; j++)
            {
                correlation[own[i], own[j]] = market.Correlation[i, j];
            }
        }

        return market with { Underlyings = underlyings, Correlation = correlation };
    }
}
