using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PortfolioMargin.Silo.Workers;
using StackExchange.Redis;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A connection to the cluster: an Orleans client of a running cluster, or (without a config file) one silo
/// started inside this process, whose own client is used. Both are built from the cluster settings
/// (<see cref="ClusterConfiguration"/>), read and checked first. Dispose stops whichever it is.
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

    /// <summary>The settings this client (or embedded silo) was built from, as its host holds them.</summary>
    public MarginClusterOptions Options => _host.Services.GetRequiredService<IOptions<MarginClusterOptions>>().Value;

    /// <exception cref="OptionsValidationException">A setting is invalid; the message names its key.</exception>
    public static async Task<MarginClusterClient> ConnectAsync(IConfiguration settings, CancellationToken cancellation = default)
    {
        var options = ClusterConfiguration.Read(settings);
        var builder = Host.CreateApplicationBuilder();
        MarginSiloHost.QuietLogging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddMarginClusterOptions(settings);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            if (options.Clustering == ClusteringKind.Localhost)
            {
                client.UseLocalhostClustering([.. Enumerable.Range(0, options.Silos).Select(i => options.GatewayPort + i)], options.ServiceId, options.ClusterId);
            }
            else
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new MarginClusterClient(host, $"cluster {options.ClusterId} ({options.Clustering.ToString().ToLowerInvariant()} clustering)");
    }

    /// <summary>
    /// One silo in this process on free loopback ports, memory storage, no dashboard: `pm` without --cluster. Those
    /// settings are laid over <paramref name="settings"/>; the rest (the device, the batching) are theirs.
    /// </summary>
    /// <param name="accelerator">The caller's accelerator (it may already be pricing the book ahead); the caller disposes it after this.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names its key.</exception>
    public static async Task<MarginClusterClient> StartEmbeddedAsync(IConfiguration settings, SiloAccelerator? accelerator = null, CancellationToken cancellation = default)
    {
        // A free port is free when asked, not when the silo binds it: another process may take it in between. Such a
        // lost race is retried on fresh ports; a second loss in a row would be a real shortage, and is reported.
        for (var attempt = 1; ; attempt++)
        {
            var embedded = ClusterConfiguration.Over(settings, [
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.Clustering), ClusteringKind.Localhost),
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.Storage), GrainStorageKind.Memory),
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.SiloPort), FreePort()),
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.GatewayPort), FreePort()),
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.DashboardPort), 0),
                ClusterConfiguration.Flag(nameof(MarginClusterOptions.Silos), 1),
            ]);
            var host = MarginSiloHost.BuildHeadless(embedded, confineOutput: false, accelerator: accelerator);
            try
            {
                await host.StartAsync(cancellation);
                return new MarginClusterClient(host, "embedded silo", embedded: true);
            }
            catch (Exception error) when (attempt < 3 && !cancellation.IsCancellationRequested && IsAddressInUse(error))
            {
                host.Dispose();
            }
        }
    }

    private static bool IsAddressInUse(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is Microsoft.AspNetCore.Connections.AddressInUseException
                || error is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
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
