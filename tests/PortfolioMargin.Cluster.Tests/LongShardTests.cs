using Orleans.Configuration;
using Orleans.TestingHost;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// A shard that prices for longer than Orleans' response timeout still completes: the run polls it instead of
/// holding one call open (a big book on a CPU takes minutes; here a 1 s timeout and a shard of several seconds).
/// </summary>
public sealed class LongShardTests : IAsyncLifetime
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-long-").FullName;
    private readonly SiloAccelerator _accelerator = new(new RiskWorkerOptions { Device = DeviceKind.Host, Engine = new EngineOptions { MaxAccountsPerBatch = 4 } });
    private InProcessTestCluster _cluster = null!;

    [Fact]
    public async Task A_shard_pricing_longer_than_the_response_timeout_completes_with_the_direct_numbers()
    {
        var inputs = SampleBook.Load() is var book ? book with { Config = book.Config with { Paths = 20_000 } } : null!;
        var request = SampleBook.Request(inputs, "long-shard", _folder);
        var run = _cluster.Client.GetGrain<IMarginRunGrain>(request.RunId);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var seen = new List<MarginRunStatus>();
        var status = await RunSubmission.SubmitAndWaitAsync(_cluster.Client, request, seen.Add, TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.True(clock.Elapsed > 2 * ResponseTimeout, $"the shard took {clock.Elapsed.TotalSeconds:F1} s, longer than the timeout");
        Assert.Equal(RunPhase.Completed, status.Phase);

        // The progress line's share comes from the shard's engine while it prices, stage and all, and is 1 once done.
        Assert.Contains(seen, s => s.Phase == RunPhase.Running && s.Fraction is > 0.0 and < 1.0 && s.Stage is not null);
        Assert.Equal(1.0, status.Fraction);

        // With a 1 s timeout and the engine holding both cores, any call of the run (a poll, a state write, the
        // market publish) can time out and the run be started again; that never prices a start's shard twice.
        // (Asserting one start here failed once in a fresh-clone CI run on a loaded machine.)
        Assert.InRange(_accelerator.EngineCalls, 1, status.Starts);
        Assert.Equal(_accelerator.Run(inputs, 0).Result.Accounts, await run.GetResults());
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddPortfolioMargin(new RiskWorkerOptions(), new MarginRunOptions(), new ClusterPaths(Path.Combine(_folder, "events.parquet"), _folder), _accelerator)
            .AddMarginMemoryStorage()
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _accelerator.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
