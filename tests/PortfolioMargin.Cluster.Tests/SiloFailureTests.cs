using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// Five silos (each test takes one away), each shard priced in small account batches at more paths, so a run of
/// the sample book takes long enough to lose a silo in the middle, and storage that survives the silo (as Redis
/// does in a real cluster). The host backend: no kernels to compile, and bit for bit the kernels' numbers.
/// </summary>
public sealed class SiloFailureFixture : IAsyncLifetime
{
    public const int Paths = 20_000;

    private readonly ProcessWideGrainStorage.Store _store = new();

    public SiloFailureFixture()
    {
        var builder = new InProcessTestClusterBuilder(5);
        var worker = new RiskWorkerOptions { Device = DeviceKind.Host, Engine = new EngineOptions { MaxAccountsPerBatch = 8 } };
        Accelerator = new SiloAccelerator(worker);
        var run = new MarginRunOptions { RetryDelay = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(20) };
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPortfolioMargin(worker, run, new ClusterPaths(Path.Combine(Folder, "events.parquet")), Accelerator);
            silo.Services.AddGrainStorage(StorageNames.Margin, (services, _) =>
                new ProcessWideGrainStorage(services.GetRequiredService<Serializer>(), _store));
        });
        // A killed silo's calls time out rather than fail; short timeouts keep the test to seconds, as a real
        // deployment's would be tuned to its network.
        builder.ConfigureSilo((_, silo) => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public SiloAccelerator Accelerator { get; }

    public MarginInputs Inputs { get; } = SampleBook.Load() is var book ? book with { Config = book.Config with { Paths = Paths } } : null!;

    /// <summary>The direct engine on the same book: what every run must equal bit for bit.</summary>
    public IReadOnlyList<AccountMargin> Direct => _direct ??= Accelerator.Run(Inputs, 0).Result.Accounts;

    private IReadOnlyList<AccountMargin>? _direct;

    public string Folder { get; } = Directory.CreateTempSubdirectory("pm-failover-").FullName;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class SiloFailureTests(SiloFailureFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SiloFailureFixture>
{
    [Fact]
    public Task A_silo_stopped_mid_run_leaves_every_account_priced_once_with_identical_results() =>
        LoseASiloMidRunAsync("survives-a-stop", (cluster, silo) => cluster.StopSiloAsync(silo));

    [Fact]
    public Task A_silo_killed_mid_run_leaves_every_account_priced_once_with_identical_results() =>
        LoseASiloMidRunAsync("survives-a-kill", (cluster, silo) => cluster.KillSiloAsync(silo));

    [Fact]
    public async Task A_run_whose_own_silo_is_killed_resumes_on_another_and_prices_every_account_once()
    {
        var inputs = fixture.Inputs;
        var direct = fixture.Direct;
        var grains = fixture.Cluster.Client;
        var management = grains.GetGrain<IManagementGrain>(0);

        // A run grain away from the primary silo, which holds the test cluster's membership; submitted again under a
        // new id if it finished before its silo could go (a poll stalled on a gateway an earlier test took away).
        var primary = fixture.Cluster.Silos[0].SiloAddress;
        var attempt = 0;
        string runId;
        IMarginRunGrain run;
        SiloAddress? host;
        Task<MarginRunStatus> waiting;
        MarginRunStatus status;
        do
        {
            do
            {
                runId = $"own-silo-killed-{attempt++}";
                run = grains.GetGrain<IMarginRunGrain>(runId);
                await ThroughLostGatewaysAsync(() => run.GetStatus());
                host = await ThroughLostGatewaysAsync<SiloAddress?>(() => management.GetActivationAddress(run).AsTask());
            }
            while (host is null || host.Equals(primary));

            var request = SampleBook.Request(inputs, runId, fixture.Folder);
            waiting = RunSubmission.SubmitAndWaitAsync(grains, request, _ => { }, TimeSpan.FromSeconds(1), CancellationToken.None);
            status = await ThroughLostGatewaysAsync(() => run.GetStatus());
            while (status.Done < direct.Count / 10)
            {
                await Task.Delay(10);
                status = await ThroughLostGatewaysAsync(() => run.GetStatus());
            }
        }
        while (status.Phase == RunPhase.Completed && attempt < 20);

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        var atLoss = status;
        status = await waiting;

        output.WriteLine($"done when the run's silo went {atLoss.Done}; afterwards starts {status.Starts}, submissions {status.Submissions}, retries {status.Retries}");
        Assert.True(atLoss.Done < direct.Count, "the silo went before the run finished");
        Assert.Equal((RunPhase.Completed, direct.Count), (status.Phase, status.Done));
        Assert.True(status.Starts >= 2, "the run was started again on another silo");
        Assert.Equal(direct, await run.GetResults());
        Assert.True(File.Exists(Path.Combine(fixture.Folder, runId, Storage.Output.ResultFiles.RunRecord)));
    }

    /// <summary>
    /// The test client's own calls, retried while it still tries a gateway an earlier test took away (the run's
    /// clients do the same through RunSubmission); the cluster's behaviour is what the assertions check.
    /// </summary>
    private static async Task<T> ThroughLostGatewaysAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (attempt < 40 && error is Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                await Task.Delay(250);
            }
        }
    }

    private async Task LoseASiloMidRunAsync(string runName, Func<InProcessTestCluster, InProcessSiloHandle, Task> lose)
    {
        var inputs = fixture.Inputs;
        var direct = fixture.Direct;
        var grains = fixture.Cluster.Client;

        // Lose a silo other than the run's own (and the primary), once a tenth of the book is priced. A poll can
        // stall for a response timeout on a gateway an earlier test took away, and the run may finish meanwhile:
        // then nothing was lost, and the test submits a fresh run rather than call a finished one a failover.
        for (var attempt = 1; ; attempt++)
        {
            var runId = $"{runName}-{attempt}";
            var run = grains.GetGrain<IMarginRunGrain>(runId);
            var status = await ThroughLostGatewaysAsync(() => run.Submit(SampleBook.Request(inputs, runId, fixture.Folder)));
            var host = await ThroughLostGatewaysAsync<SiloAddress?>(() => grains.GetGrain<IManagementGrain>(0).GetActivationAddress(run).AsTask());
            var victim = fixture.Cluster.Silos.Skip(1).First(s => !s.SiloAddress.Equals(host));
            while (status.Done < direct.Count / 10)
            {
                await Task.Delay(10);
                status = await ThroughLostGatewaysAsync(() => run.GetStatus());
            }

            if (status.Phase == RunPhase.Completed && attempt < 3)
            {
                output.WriteLine($"run {runId} finished before the silo could go; submitting another");
                continue;
            }

            await lose(fixture.Cluster, victim);
            var atLoss = status;
            status = await ThroughLostGatewaysAsync(async () => await ClusterFixture.WaitAsync(run, await run.GetStatus()));

            output.WriteLine($"done when the silo went {atLoss.Done}, retries {status.Retries}, stopped by {status.StoppedBy}");
            Assert.True(atLoss.Done < direct.Count, "the silo went before the run finished");
            Assert.Equal((RunPhase.Completed, direct.Count, true), (status.Phase, status.Done, status.AccountsUpdated));
            Assert.Equal(direct, await run.GetResults());
            Assert.True(File.Exists(Path.Combine(fixture.Folder, runId, Storage.Output.ResultFiles.RunRecord)));
            return;
        }
    }
}
