using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>What every silo of this cluster needs, whatever its clustering: the risk worker's services and grain storage.</summary>
public static class MarginSiloBuilder
{
    /// <param name="accelerator">
    /// An accelerator to share instead of opening one; tests hosting several silos in one process pass one so the
    /// kernels compile once. The silo does not dispose a shared accelerator.
    /// </param>
    public static ISiloBuilder AddPortfolioMargin(
        this ISiloBuilder builder, RiskWorkerOptions worker, MarginRunOptions run, ClusterPaths paths, SiloAccelerator? accelerator = null)
    {
        builder.Services.AddSingleton(worker);
        builder.Services.AddSingleton(run);
        builder.Services.AddSingleton(paths);
        if (accelerator is null)
        {
            builder.Services.AddSingleton<SiloAccelerator>();
        }
        else
        {
            builder.Services.AddSingleton(accelerator);
        }

        builder.Services.AddSingleton<MarginBatcher>();
        builder.Services.AddHostedService<AcceleratorWarmUp>();
        return builder;
    }

    /// <summary>In-memory grain state, serialized with Orleans' own serializer so doubles survive bit for bit.</summary>
    public static ISiloBuilder AddMarginMemoryStorage(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(StorageNames.Margin, options =>
            options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

    public static RiskWorkerOptions WorkerOptions(MarginClusterOptions options) => new()
    {
        Device = options.Device,
        MaxBatchAccounts = options.MaxBatchAccounts,
        MaxBatchWait = TimeSpan.FromMilliseconds(options.MaxBatchWaitMs),
        MaxBatchIdle = TimeSpan.FromMilliseconds(options.MaxBatchIdleMs),
    };

    /// <summary>Opens the silo's backend while the silo starts and the client reads its inputs.</summary>
    private sealed class AcceleratorWarmUp(SiloAccelerator accelerator) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            accelerator.Warm();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    internal static void UseClusterIds(this ISiloBuilder builder, MarginClusterOptions options) =>
        builder.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
}
