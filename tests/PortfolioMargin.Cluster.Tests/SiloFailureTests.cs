using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        // The five silos share this process and one accelerator, whose gate holds a pool thread for every shard that
        // waits its turn while the engine's Parallel.For takes the others; on a loaded two-core machine the pool then
        // grows by a thread at a time and grain calls, the test's polls among them, queue behind the engine. Threads
        // enough up front that the silos answer while their shards wait.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
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
        builder.ConfigureSilo((_, silo) => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        Cluster = builder.Build();
    }

    /// <summary>
    /// Orleans' own default. Losing a silo never waits on it: the silo is recorded dead as it goes (the in-process
    /// cluster's membership takes a killed silo's last write too) and Orleans fails the calls outstanding to a dead
    /// silo at once. What it does bound is a call answered late: with five silos and their shards in one process on
    /// a loaded machine, a poll can take seconds, and the 5 s this once was timed such calls out, which stopped the
    /// run on an error (a timed-out market publish) or spent a shard's tries before any silo was lost.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

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
        var primary = fixture.Cluster.Silos[0];
        var watch = Watch(primary);
        var management = watch.GetGrain<IManagementGrain>(0);

        // A run grain away from the primary silo, which holds the test cluster's membership; submitted again under a
        // new id if it finished before its silo could go. The client submits and waits through RunSubmission, as
        // `pm cluster-run` does; the test watches from the primary silo.
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
                run = watch.GetGrain<IMarginRunGrain>(runId);
                await run.GetStatus();
                host = await management.GetActivationAddress(run);
            }
            while (host is null || host.Equals(primary.SiloAddress));

            var request = SampleBook.Request(inputs, runId, fixture.Folder);
            waiting = RunSubmission.SubmitAndWaitAsync(fixture.Cluster.Client, request, _ => { }, TimeSpan.FromSeconds(1), CancellationToken.None);
            status = await run.GetStatus();
            while (status.Done < direct.Count / 10 && status.StoppedBy is null && !waiting.IsCompleted)
            {
                await Task.Delay(10);
                status = await run.GetStatus();
            }
        }
        while (status.Phase == RunPhase.Completed && attempt < 20);

        var lost = fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await fixture.Cluster.KillSiloAsync(lost);
        await SeenDeadAsync(primary, lost.SiloAddress);
        var atLoss = status;
        status = await waiting.WaitAsync(RunDeadline(primary));

        output.WriteLine($"done when the run's silo went {atLoss.Done}; afterwards starts {status.Starts}, submissions {status.Submissions}, retries {status.Retries}");
        Assert.True(atLoss.Done < direct.Count, "the silo went before the run finished");
        Assert.Equal((RunPhase.Completed, direct.Count), (status.Phase, status.Done));
        Assert.True(status.Starts >= 2, "the run was started again on another silo");
        Assert.Equal(direct, await run.GetResults());
        Assert.True(File.Exists(Path.Combine(fixture.Folder, runId, Storage.Output.ResultFiles.RunRecord)));
        AssertPricedOnlyOnLiveSilos(runId, lost);
    }

    /// <summary>run.json names, for every shard, the silo that priced the shard it wrote: never the lost one.</summary>
    private void AssertPricedOnlyOnLiveSilos(string runId, InProcessSiloHandle lost)
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, runId, Storage.Output.ResultFiles.RunRecord)))!;
        var shardSilos = record["cluster"]!["shardSilos"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        output.WriteLine($"shards priced on {string.Join(", ", shardSilos)}; lost {lost.SiloAddress.ToParsableString()}");
        Assert.Equal(record["cluster"]!["shards"]!.GetValue<int>(), shardSilos.Count);
        Assert.DoesNotContain(lost.SiloAddress.ToParsableString(), shardSilos);
    }

    /// <summary>
    /// The test's own calls, made from the primary silo: no test takes it away, so no call of the test's waits on a
    /// gateway an earlier test removed (the client's calls did, for a response timeout, and the run could finish
    /// meanwhile). The runs, their shards and the client's submissions are the cluster's as before.
    /// </summary>
    private static IGrainFactory Watch(InProcessSiloHandle primary) => primary.ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// How long the cluster may take to declare a lost silo dead: twice what the test host allows its liveness to
    /// stabilise after a kill (missed probes at the longest probe timeout, then gossip), from the cluster's options.
    /// </summary>
    private static TimeSpan DeathDeadline(InProcessSiloHandle silo) =>
        2 * InProcessTestCluster.GetLivenessStabilizationTime(silo.ServiceProvider.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value, didKill: true);

    /// <summary>
    /// How long a run may take once a silo is lost: its shard or the run itself is priced again once the silo is
    /// dead, and on a loaded two-core machine the book alone can take minutes.
    /// </summary>
    private static TimeSpan RunDeadline(InProcessSiloHandle silo) => DeathDeadline(silo) + TimeSpan.FromMinutes(5);

    /// <summary>Until <paramref name="observer"/>'s membership has <paramref name="lost"/> dead, as its updates arrive.</summary>
    private static async Task SeenDeadAsync(InProcessSiloHandle observer, SiloAddress lost)
    {
        var membership = observer.ServiceProvider.GetRequiredService<IClusterMembershipService>();
        var allowed = DeathDeadline(observer);
        using var deadline = new CancellationTokenSource(allowed);
        try
        {
            if (membership.CurrentSnapshot.GetSiloStatus(lost) == SiloStatus.Dead)
            {
                return;
            }

            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(deadline.Token))
            {
                if (snapshot.GetSiloStatus(lost) == SiloStatus.Dead)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Reported below.
        }

        Assert.Fail($"silo {lost} was not declared dead within {allowed.TotalSeconds:F0} s; it is {membership.CurrentSnapshot.GetSiloStatus(lost)}");
    }

    /// <summary>
    /// A silo, neither the primary nor the run's own, whose shard of the run is still to price (waiting for the
    /// shared accelerator first, else with accounts left), so that losing it makes the run price that shard again.
    /// </summary>
    private static async Task<InProcessSiloHandle?> SiloWithAShardLeftAsync(InProcessTestCluster cluster, IGrainFactory watch, string runId, SiloAddress? host)
    {
        var primary = cluster.Silos[0].SiloAddress;
        var management = watch.GetGrain<IManagementGrain>(0);
        var shards = cluster.Silos.Count;
        var left = new List<(SiloAddress Silo, ShardStatus Status)>();
        for (var k = 0; k < shards; k++)
        {
            var shard = watch.GetGrain<IRunShardGrain>(RunShards.GrainKey(runId, k, shards));
            if (await management.GetActivationAddress(shard) is not { } silo || silo.Equals(primary) || silo.Equals(host))
            {
                continue;
            }

            var status = await shard.Poll(TimeSpan.Zero);
            if (status.Phase == ShardPhase.Running && (status.Accounts == 0 || status.AccountsDone < status.Accounts))
            {
                left.Add((silo, status));
            }
        }

        return left.OrderBy(s => s.Status.AccountsDone).Select(s => cluster.Silos.FirstOrDefault(h => h.SiloAddress.Equals(s.Silo))).FirstOrDefault(h => h is not null);
    }

    private async Task LoseASiloMidRunAsync(string runName, Func<InProcessTestCluster, InProcessSiloHandle, Task> lose)
    {
        var inputs = fixture.Inputs;
        var direct = fixture.Direct;
        var primary = fixture.Cluster.Silos[0];
        var watch = Watch(primary);

        // Once a tenth of the book is priced, lose a silo other than the run's own (and the primary) whose shard is
        // still to price. Should every such shard be done first nothing would be lost, and the test submits a fresh
        // run rather than call a finished shard a failover.
        for (var attempt = 1; ; attempt++)
        {
            var runId = $"{runName}-{attempt}";
            var run = watch.GetGrain<IMarginRunGrain>(runId);
            var status = await run.Submit(SampleBook.Request(inputs, runId, fixture.Folder));
            var host = await watch.GetGrain<IManagementGrain>(0).GetActivationAddress(run);
            InProcessSiloHandle? victim = null;
            while (status.Phase == RunPhase.Running && status.StoppedBy is null)
            {
                if (status.Done >= direct.Count / 10 && (victim = await SiloWithAShardLeftAsync(fixture.Cluster, watch, runId, host)) is not null)
                {
                    break;
                }

                await Task.Delay(10);
                status = await run.GetStatus();
            }

            Assert.Null(status.StoppedBy);
            if (victim is null)
            {
                Assert.True(attempt < 5, $"{attempt} runs finished every shard a silo could be taken from before a tenth of the book was priced");
                output.WriteLine($"run {runId} priced every shard off the primary and its own silo before a silo could go; submitting another");
                continue;
            }

            await lose(fixture.Cluster, victim);
            await SeenDeadAsync(primary, victim.SiloAddress);
            var atLoss = status;
            status = await ClusterFixture.WaitAsync(run, await run.GetStatus(), RunDeadline(primary));

            output.WriteLine($"done when the silo went {atLoss.Done}, retries {status.Retries}, stopped by {status.StoppedBy}");
            Assert.True(atLoss.Done < direct.Count, "the silo went before the run finished");
            Assert.Null(status.StoppedBy);
            Assert.Equal((RunPhase.Completed, direct.Count, true), (status.Phase, status.Done, status.AccountsUpdated));
            Assert.True(status.Retries >= 1, "the lost silo's shard was priced again on another");
            Assert.Equal(direct, await run.GetResults());
            Assert.True(File.Exists(Path.Combine(fixture.Folder, runId, Storage.Output.ResultFiles.RunRecord)));
            AssertPricedOnlyOnLiveSilos(runId, victim);
            return;
        }
    }
}
