using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using PortfolioMargin.Silo.Workers;
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
        QuietLogging(builder.Logging);
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
    /// <param name="confineOutput">
    /// Refuse run folders outside the config's results root (a silo serving clients); an embedded silo writes
    /// wherever its own user asked, as `pm run --direct` does.
    /// </param>
    /// <param name="accelerator">The accelerator to use instead of opening one (<see cref="MarginSiloBuilder.AddPortfolioMargin"/>).</param>
    public static IHost BuildHeadless(ClusterConfig config, int instance = 0, bool confineOutput = true, SiloAccelerator? accelerator = null)
    {
        var builder = Host.CreateApplicationBuilder();
        QuietLogging(builder.Logging);
        if (!confineOutput)
        {
            // Embedded in a command: Ctrl+C is the command's to handle (it cancels the run), not the host's.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        }

        builder.UseOrleans(silo => Configure(silo, config, instance, confineOutput, accelerator));
        return builder.Build();
    }

    /// <summary>
    /// Warnings and errors only, all on stderr: stdout belongs to the command's output (`--json`). The watchdog
    /// reports a stalled check while the first engine call compiles kernels; ServerGC advice is noise.
    /// </summary>
    public static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error).AddFilter("Orleans.Runtime.Silo", LogLevel.Error);

        // An embedded silo stops at once; every activation then warns that its stop was cancelled, as asked.
        logging.AddFilter("Orleans.Grain", LogLevel.Error);
    }

    public static void Configure(ISiloBuilder silo, ClusterConfig config, int instance, bool confineOutput = true, SiloAccelerator? accelerator = null)
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
            MarginSiloBuilder.WorkerOptions(config), MarginSiloBuilder.RunOptions(config),
            new ClusterPaths(config.EventsFile, confineOutput ? config.OutputFolder : null), accelerator);
    }
}
