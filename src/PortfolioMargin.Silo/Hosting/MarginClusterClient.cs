using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PortfolioMargin.Silo.Workers;
using StackExchange.Redis;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A connection to the cluster: an Orleans client of a running cluster, or (without a config file) one silo
/// started inside this process, whose own client is used. Dispose stops whichever it is.
/// </summary>
public sealed class MarginClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly bool _embedded;

    private MarginClusterClient(IHost host, string description, bool embedded = false)
    {
        _host = host;
        Description = description;
        _embedded = embedded;
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public string Description { get; }

    public static async Task<MarginClusterClient> ConnectAsync(ClusterConfig config, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder();
        MarginSiloHost.QuietLogging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = config.ClusterId;
                o.ServiceId = config.ServiceId;
            });
            if (config.Clustering == "localhost")
            {
                client.UseLocalhostClustering([.. Enumerable.Range(0, Math.Max(1, config.Silos)).Select(i => config.GatewayPort + i)], config.ServiceId, config.ClusterId);
            }
            else
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(config.Redis));
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new MarginClusterClient(host, $"cluster {config.ClusterId} ({config.Clustering} clustering)");
    }

    /// <summary>One silo in this process on free loopback ports, memory storage, no dashboard: `pm` without --cluster.</summary>
    /// <param name="accelerator">The caller's accelerator (it may already be pricing the book ahead); the caller disposes it after this.</param>
    public static async Task<MarginClusterClient> StartEmbeddedAsync(ClusterConfig config, SiloAccelerator? accelerator = null, CancellationToken cancellation = default)
    {
        var embedded = config with { Clustering = "localhost", SiloPort = FreePort(), GatewayPort = FreePort(), DashboardPort = 0 };
        var host = MarginSiloHost.BuildHeadless(embedded, confineOutput: false, accelerator: accelerator);
        await host.StartAsync(cancellation);
        return new MarginClusterClient(host, "embedded silo", embedded: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded: an interrupted command must exit within a second or two, whatever is still deactivating. An
        // embedded silo's memory state ends with the process, so it stops at once (an already-cancelled token is
        // Orleans' ungraceful stop) rather than deactivating every grain in turn.
        using (var bounded = _embedded ? new CancellationTokenSource(TimeSpan.Zero) : new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _host.StopAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping anyway: the process ends.
            }
        }


        // The silo's batcher only disposes asynchronously.
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
