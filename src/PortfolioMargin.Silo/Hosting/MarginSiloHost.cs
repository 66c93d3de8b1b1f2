using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
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
/// A silo from the cluster settings (<see cref="ClusterConfiguration"/>): clustering, storage, the risk worker, and
/// (if a port is set) the Orleans dashboard on 127.0.0.1. Instance N adds N to every port, so several silos share
/// one machine. The settings are read and checked before the host is built (<see cref="ClusterConfiguration.Read"/>),
/// and the host holds them as <c>IOptions&lt;MarginClusterOptions&gt;</c>.
/// </summary>
public static class MarginSiloHost
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names its key.</exception>
    public static WebApplication Build(IConfiguration settings, int instance = 0)
    {
        var options = ClusterConfiguration.Read(settings);
        var builder = WebApplication.CreateSlimBuilder();
        QuietLogging(builder.Logging);
        builder.Services.AddMarginClusterOptions(settings);
        var dashboard = options.DashboardPort > 0;
        builder.WebHost.UseUrls(dashboard ? $"http://127.0.0.1:{options.DashboardPort + instance}" : "http://127.0.0.1:0");
        builder.UseOrleans(silo =>
        {
            Configure(silo, options, instance);
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
    /// Refuse run folders outside the results root (<see cref="MarginClusterOptions.OutputFolder"/>) (a silo serving clients); an embedded silo writes
    /// wherever its own user asked, as `pm run --direct` does.
    /// </param>
    /// <param name="accelerator">The accelerator to use instead of opening one (<see cref="MarginSiloBuilder.AddPortfolioMargin"/>).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names its key.</exception>
    public static IHost BuildHeadless(IConfiguration settings, int instance = 0, bool confineOutput = true, SiloAccelerator? accelerator = null)
    {
        var options = ClusterConfiguration.Read(settings);
        var builder = Host.CreateApplicationBuilder();
        QuietLogging(builder.Logging);
        builder.Services.AddMarginClusterOptions(settings);
        if (!confineOutput)
        {
            // Embedded in a command: Ctrl+C is the command's to handle (it cancels the run), not the host's.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        }

        builder.UseOrleans(silo => Configure(silo, options, instance, confineOutput, accelerator));
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

    /// <param name="options">Checked already (<see cref="ClusterConfiguration.Read"/>).</param>
    public static void Configure(ISiloBuilder silo, MarginClusterOptions options, int instance, bool confineOutput = true, SiloAccelerator? accelerator = null)
    {
        var siloPort = options.SiloPort + instance;
        var gatewayPort = options.GatewayPort + instance;
        if (options.Clustering == ClusteringKind.Localhost)
        {
            // Development clustering: instance 0 is the primary every other silo joins through.
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, options.SiloPort), options.ServiceId, options.ClusterId);
        }
        else
        {
            silo.UseClusterIds(options);
            silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
            var advertised = string.IsNullOrWhiteSpace(options.AdvertisedAddress) ? null : IPAddress.Parse(options.AdvertisedAddress);
            silo.ConfigureEndpoints(advertised ?? IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: advertised is not null);
        }

        if (options.Storage == GrainStorageKind.Redis)
        {
            silo.AddRedisGrainStorage(StorageNames.Margin, storage => storage.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis);
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }
        else
        {
            silo.AddMarginMemoryStorage();
        }

        silo.AddPortfolioMargin(
            MarginSiloBuilder.WorkerOptions(options), options.Runs, new ClusterPaths(options.EventsFile, confineOutput ? options.OutputFolder : null), accelerator);
    }
}
