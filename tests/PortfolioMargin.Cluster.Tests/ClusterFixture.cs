using Orleans.TestingHost;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// A cluster of in-process silos with memory storage, the sample book priced once directly by the engine (the
/// reference every cluster result must equal bit for bit) and once as the end-of-day run "base".
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string BaseRun = "base";

    protected ClusterFixture(short silos, RiskWorkerOptions worker, MarginRunOptions run)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo
            .AddPortfolioMargin(worker, run, new ClusterPaths(EventsFile, Folder), TestAccelerator.Shared)
            .AddMarginMemoryStorage());
        Cluster = builder.Build();
    }

    public ClusterFixture()
        : this(2, new RiskWorkerOptions { MaxBatchAccounts = 64 }, new MarginRunOptions())
    {
    }

    public InProcessTestCluster Cluster { get; }

    public string Folder { get; } = Directory.CreateTempSubdirectory("pm-cluster-").FullName;

    public string EventsFile => Path.Combine(Folder, "events.parquet");

    public MarginInputs Inputs { get; } = SampleBook.Load();

    public IReadOnlyDictionary<string, AccountMargin> Direct { get; private set; } = new Dictionary<string, AccountMargin>();

    public MarginRunResult DirectRun { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public virtual async Task InitializeAsync()
    {
        DirectRun = TestAccelerator.Shared.Run(Inputs, 0).Result;
        Direct = DirectRun.Accounts.ToDictionary(a => a.Account, StringComparer.Ordinal);
        await Cluster.DeployAsync();
        var status = await RunToCompletionAsync(SampleBook.Request(Inputs, BaseRun, Folder));
        Assert.Equal(RunPhase.Completed, status.Phase);
    }

    public async Task<MarginRunStatus> RunToCompletionAsync(MarginRunRequest request, IGrainFactory? client = null)
    {
        var run = (client ?? Grains).GetGrain<IMarginRunGrain>(request.RunId);
        var status = await run.Submit(request);
        return await WaitAsync(run, status);
    }

    /// <summary>Until the run is complete and every account grain holds its result, or <paramref name="limit"/> (3 minutes) has passed.</summary>
    public static async Task<MarginRunStatus> WaitAsync(IMarginRunGrain run, MarginRunStatus status, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        while (!(status.Phase == RunPhase.Completed && status.AccountsUpdated) && status.StoppedBy is null && DateTime.UtcNow < deadline)
        {
            status = await run.WaitForCompletion(TimeSpan.FromSeconds(1));
        }

        return status;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two-silo cluster";
}
