using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A silo from a cluster-config file: clustering, storage, the risk worker, and (if a port is set) the Orleans
/// dashboard on 127.0.0.1. Instance N adds N to every port, so several silos share one machine.
/// </summary>
public static class MarginSiloHost
{
    public static WebApplication Build(ClusterConfig config, int instance = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The watchdog reports a stalled check while the first engine call compiles kernels; ServerGC advice is noise.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error).AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        var dashboard = config.DashboardPort > 0;
        builder.WebHost.UseUrls(dashboard ? $"http://127.0.0.1:{config.DashboardPort + instance}" : "http://127.0.0.1:0");
        builder.UseOrleans(silo =>
        {
            Configure(silo, config, instance);
            if (dashboard)
            {
                silo.AddDashboard();
            }
        });
        var app = builder.Build();
        if (dashboard)
        {
            app.MapOrleansDashboard();
        }

        return app;
    }

    /// <summary>A silo without the dashboard's web host: embedded in `pm` or in tests.</summary>
    public static IHost BuildHeadless(ClusterConfig config, int instance = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error).AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.UseOrleans(silo => Configure(silo, config, instance));
        return builder.Build();
    }

    public static void Configure(ISiloBuilder silo, ClusterConfig config, int instance)
    {
        var siloPort = config.SiloPort + instance;
        var gatewayPort = config.GatewayPort + instance;
        if (config.Clustering == "localhost")
        {
            // Development clustering: instance 0 is the primary every other silo joins through.
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, config.SiloPort), config.ServiceId, config.ClusterId);
        }
        else
        {
            silo.UseClusterIds(config);
            silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(config.Redis));
            var advertised = config.AdvertisedAddress is { } address ? IPAddress.Parse(address) : IPAddress.Loopback;
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: config.AdvertisedAddress is not null);
        }

        if (config.Storage == "redis")
        {
            silo.AddRedisGrainStorage(StorageNames.Margin, options => options.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = ConfigurationOptions.Parse(config.Redis);
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }
        else
        {
            silo.AddMarginMemoryStorage();
        }

        silo.AddPortfolioMargin(
            MarginSiloBuilder.WorkerOptions(config), MarginSiloBuilder.RunOptions(config), new ClusterPaths(config.EventsFile));
    }
}
