using Microsoft.Extensions.Configuration;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// `pm run`'s embedded silo starts pricing the book while the silo starts (SiloAccelerator.PriceAhead), and the
/// run's shard joins that engine call: one call, the same bits as the engine priced alone, and a book nobody joins
/// is stopped and leaves the accelerator free.
/// </summary>
public sealed class PricedAheadTests
{
    private static SiloAccelerator HostAccelerator() => new(new RiskWorkerOptions { Device = DeviceKind.Host });

    private static readonly IConfiguration HostSettings =
        new ConfigurationBuilder().AddInMemoryCollection([ClusterConfiguration.Flag(nameof(MarginClusterOptions.Device), DeviceKind.Host)]).Build();

    private static MarginInputs InputsOf(MarginRunRequest request) => new(request.Market, request.Positions, request.Collateral, request.Config);

    [Fact]
    public async Task An_embedded_run_joins_the_engine_call_started_before_its_silo()
    {
        using var accelerator = HostAccelerator();
        var folder = Directory.CreateTempSubdirectory("pm-ahead-").FullName;
        try
        {
            var inputs = SampleBook.Load();
            var expected = accelerator.Run(inputs, 0).Result.Accounts;
            var request = SampleBook.Request(inputs, "ahead", folder) with { UpdateAccounts = false };

            accelerator.PriceAhead(InputsOf(request));
            await using (var cluster = await MarginClusterClient.StartEmbeddedAsync(HostSettings, accelerator))
            {
                var status = await RunSubmission.SubmitAndWaitAsync(cluster.Client, request, _ => { }, TimeSpan.FromSeconds(1), CancellationToken.None, waitForAccounts: false);
                Assert.Equal(RunPhase.Completed, status.Phase);
                Assert.Equal(expected, await cluster.Client.GetGrain<IMarginRunGrain>("ahead").GetResults());
            }

            // The reference run above and the run's one call: the shard made none of its own.
            Assert.Equal(2, accelerator.EngineCalls);
            Assert.True(File.Exists(Path.Combine(folder, "ahead", "positions.parquet")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_book_priced_ahead_is_joined_only_by_the_same_objects()
    {
        using var accelerator = HostAccelerator();
        var inputs = SampleBook.Load();
        var copy = inputs with { Positions = [.. inputs.Positions] };

        accelerator.PriceAhead(inputs);
        var (other, _) = accelerator.Run(copy, 0);
        var (joined, _) = accelerator.Run(inputs, 0);

        Assert.Equal(2, accelerator.EngineCalls);
        Assert.Equal(other.Accounts, joined.Accounts);
    }

    [Fact]
    public void A_book_priced_ahead_is_joined_only_with_its_own_scenario_set()
    {
        using var accelerator = HostAccelerator();
        var inputs = SampleBook.Load();
        var set = SimulatedScenarios.Of(inputs.Market, inputs.Config);
        var given = inputs with { Scenarios = set };

        // The set is the simulated run's own levels, so all three calls give the same numbers; only the count tells.
        accelerator.PriceAhead(given);
        var (simulated, _) = accelerator.Run(inputs, 0);
        var (copied, _) = accelerator.Run(inputs with { Scenarios = new ScenarioSet(set.Count, set.Spot, set.AtmVol) }, 0);
        var (joined, _) = accelerator.Run(given, 0);

        // Two calls of their own and the one priced ahead, which the last joined.
        Assert.Equal(3, accelerator.EngineCalls);
        Assert.Equal(simulated.Accounts, joined.Accounts);
        Assert.Equal(copied.Accounts, joined.Accounts);
    }

    [Fact]
    public void A_book_nobody_joins_is_stopped_and_frees_the_accelerator()
    {
        using var accelerator = HostAccelerator();
        var inputs = SampleBook.Load();
        var big = inputs with { Config = inputs.Config with { Paths = 50_000 } };

        accelerator.PriceAhead(big);
        accelerator.DropAhead();
        var (result, _) = accelerator.Run(inputs, 0);

        Assert.Equal(1, accelerator.EngineCalls);
        Assert.NotEmpty(result.Accounts);
    }

    [Fact]
    public async Task A_run_the_book_makes_impossible_is_bad_input_through_the_cluster_as_it_is_direct()
    {
        // A memory budget no account's rows fit: the shard's engine call refuses the book before allocating.
        using var accelerator = new SiloAccelerator(new RiskWorkerOptions { Device = DeviceKind.Host, Engine = new EngineOptions { MemoryBudgetBytes = 1 << 14 } });
        var folder = Directory.CreateTempSubdirectory("pm-too-big-").FullName;
        try
        {
            var request = SampleBook.Request(SampleBook.Load(), "too-big", folder) with { UpdateAccounts = false };
            await using var cluster = await MarginClusterClient.StartEmbeddedAsync(HostSettings, accelerator);

            var error = await Assert.ThrowsAsync<MarginRequestException>(() =>
                RunSubmission.SubmitAndWaitAsync(cluster.Client, request, _ => { }, TimeSpan.FromSeconds(1), CancellationToken.None, waitForAccounts: false));

            Assert.Contains("one account's rows at 2,000 paths take", error.Message);
            Assert.False(Directory.Exists(Path.Combine(folder, "too-big")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
