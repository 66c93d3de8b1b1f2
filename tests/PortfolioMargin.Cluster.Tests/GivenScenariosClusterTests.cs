using System.Text.Json.Nodes;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// An end-of-day run with a given scenario set (`pm run --scenarios`): every shard, on either silo, prices that set,
/// so the run equals the direct engine on the same set bit for bit; a set that does not fit the run is refused.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GivenScenariosClusterTests(ClusterFixture fixture)
{
    /// <summary>Horizon levels of another seed than the run's: a shard that dropped the set and simulated would not match.</summary>
    private ScenarioSet OtherSeedsLevels() =>
        SimulatedScenarios.Of(fixture.Inputs.Market, fixture.Inputs.Config with { Seed = fixture.Inputs.Config.Seed + 1 });

    [Fact]
    public async Task A_two_silo_run_on_a_given_set_equals_the_direct_engine_on_that_set_bit_for_bit()
    {
        var set = OtherSeedsLevels();
        var expected = TestAccelerator.Shared.Run(fixture.Inputs with { Scenarios = set }, 0).Result;
        var request = SampleBook.Request(fixture.Inputs, "given-set", fixture.Folder) with { Scenarios = set };

        var status = await fixture.RunToCompletionAsync(request);

        Assert.Equal(RunPhase.Completed, status.Phase);
        var run = fixture.Grains.GetGrain<IMarginRunGrain>("given-set");
        Assert.Equal(expected.Accounts, await run.GetResults());
        Assert.Equal(expected.Positions, await run.GetPositions());
        Assert.NotEqual(fixture.DirectRun.Accounts, expected.Accounts);

        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Folder, "given-set", ResultFiles.RunRecord)))!;
        Assert.Equal("""{"given":2000}""", record["scenarios"]!.ToJsonString());
        Assert.Equal(2, record["cluster"]!["shards"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_set_that_does_not_fit_the_run_or_is_no_market_is_refused_by_name()
    {
        var set = OtherSeedsLevels();
        var spot = (double[])set.Spot.Clone();
        spot[3] = double.NaN;
        var request = SampleBook.Request(fixture.Inputs, "bad-set", fixture.Folder);

        var tooFew = await Assert.ThrowsAsync<MarginRequestException>(() =>
            fixture.Grains.GetGrain<IMarginRunGrain>("bad-set-1").Submit(request with { RunId = "bad-set-1", Scenarios = new ScenarioSet(1_000, set.Spot[..(set.Underlyings * 1_000)], set.AtmVol[..(set.Underlyings * 1_000)]) }));
        var notMarket = await Assert.ThrowsAsync<MarginRequestException>(() =>
            fixture.Grains.GetGrain<IMarginRunGrain>("bad-set-2").Submit(request with { RunId = "bad-set-2", Scenarios = new ScenarioSet(set.Count, spot, set.AtmVol) }));

        Assert.Equal("run request: field 'scenarios': 1000 given scenarios need a config of one step and 1000 paths; it has 1 steps and 2000 paths", tooFew.Message);
        Assert.Equal($"run request: field 'scenarios': scenario 3: the spot of {fixture.Inputs.Market.Underlyings[0].Id} is NaN, must be in (0, 1e12]", notMarket.Message);
        Assert.False(Directory.Exists(Path.Combine(fixture.Folder, "bad-set-1")));
    }

    [Fact]
    public void A_runs_fingerprint_tells_a_given_set_from_simulated_paths_and_from_another_set()
    {
        var set = OtherSeedsLevels();
        var vol = (double[])set.AtmVol.Clone();
        vol[^1] = Math.BitIncrement(vol[^1]);
        var request = SampleBook.Request(fixture.Inputs, "fingerprint", fixture.Folder);

        var prints = new[] { request, request with { Scenarios = set }, request with { Scenarios = new ScenarioSet(set.Count, set.Spot, vol) } }
            .Select(Silo.Runs.RunFingerprint.Of).ToList();

        Assert.Equal(3, prints.Distinct().Count());
        Assert.Equal(prints[1], Silo.Runs.RunFingerprint.Of(request with { Scenarios = new ScenarioSet(set.Count, [.. set.Spot], [.. set.AtmVol]) }));
    }
}
