using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Hosting;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>The redis.json set-up: membership and grain state in Redis, so state outlives every silo.</summary>
public sealed class RedisClusterTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-redis-").FullName;
    private readonly string _clusterId = $"redis-test-{Guid.NewGuid():N}";
    private readonly int _siloPort = RedisServer.FreePort();

    // Instance 1 takes the next port of each: keep the gateway range clear of the silo range.
    private int GatewayPort => _siloPort + 10;

    [RedisFact]
    public async Task Accounts_and_runs_survive_a_restart_of_every_silo()
    {
        var inputs = SampleBook.Load();
        var request = SampleBook.Request(inputs, "redis-eod", _folder);
        AccountView before;
        await using (var first = await StartAsync())
        {
            var status = await ClusterFixture.WaitAsync(first.Client.GetGrain<IMarginRunGrain>(request.RunId), await first.Client.GetGrain<IMarginRunGrain>(request.RunId).Submit(request));
            Assert.Equal((RunPhase.Completed, true), (status.Phase, status.AccountsUpdated));
            before = await first.Client.GetGrain<IAccountGrain>("ACC0076").GetAccount();
        }

        await using var second = await StartAsync();
        var after = await second.Client.GetGrain<IAccountGrain>("ACC0076").GetAccount();
        var again = await second.Client.GetGrain<IMarginRunGrain>(request.RunId).Submit(request);

        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.Collateral, after.Collateral);
        Assert.NotNull(after.Latest);
        Assert.Equal(before.Latest, after.Latest);
        Assert.Equal(before.Recomputations, after.Recomputations);
        Assert.Equal((RunPhase.Completed, 1, 2), (again.Phase, again.Starts, again.Submissions));
        Assert.NotNull(await second.Client.GetGrain<IMarketDataGrain>(MarketDataKeys.Current).GetSnapshot());
    }

    /// <summary>Two silos and a client from the same code `pm silo --config cluster-config/redis.json` runs.</summary>
    private async Task<RedisCluster> StartAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.ClusterId), _clusterId),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.ServiceId), _clusterId),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.Clustering), ClusteringKind.Redis),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.Storage), GrainStorageKind.Redis),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.Redis), redis.ConnectionString),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.SiloPort), _siloPort),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.GatewayPort), GatewayPort),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.DashboardPort), 0),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.Device), Engine.DeviceKind.Host),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.EventsFile), Path.Combine(_folder, "events.parquet")),
            ClusterConfiguration.Flag(nameof(MarginClusterOptions.OutputFolder), _folder),
        ]).Build();
        var silos = new[] { MarginSiloHost.BuildHeadless(config, 0), MarginSiloHost.BuildHeadless(config, 1) };
        foreach (var silo in silos)
        {
            await silo.StartAsync();
        }

        return new RedisCluster(silos, await MarginClusterClient.ConnectAsync(config));
    }

    private sealed class RedisCluster(IHost[] silos, MarginClusterClient client) : IAsyncDisposable
    {
        public IClusterClient Client => client.Client;

        public async ValueTask DisposeAsync()
        {
            await client.DisposeAsync();
            foreach (var silo in silos.Reverse())
            {
                await silo.StopAsync();
                await ((IAsyncDisposable)silo).DisposeAsync();
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
