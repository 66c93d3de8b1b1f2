using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Silo.Hosting;

namespace PortfolioMargin.Cli;

/// <summary>`pm silo`: one silo of the cluster, running until Ctrl+C.</summary>
internal static class SiloCommand
{
    public static async Task<int> ExecuteAsync(string? configPath, int instance, CancellationToken cancellation)
    {
        try
        {
            // The file (none: the defaults) under the environment; checked here, before any port is probed.
            var settings = ClusterConfiguration.Build(configPath);
            var config = ClusterConfiguration.Read(settings);
            if (BusyPort(config, instance) is { } busy)
            {
                Console.Error.WriteLine($"error: port {busy.Port} ({busy.Role}) is in use: another silo or program holds it; stop it, or start this silo with another --instance");
                return RunCommand.Failure;
            }

            await using var app = MarginSiloHost.Build(settings, instance);
            await app.StartAsync(cancellation);
            Console.Error.WriteLine(
                $"silo {instance} of cluster '{config.ClusterId}': {Name(config.Clustering)} clustering, {Name(config.Storage)} storage, silo port {config.SiloPort + instance}, gateway port {config.GatewayPort + instance}");
            if (config.DashboardPort > 0)
            {
                Console.Error.WriteLine($"dashboard: http://127.0.0.1:{config.DashboardPort + instance}/");
            }

            Console.Error.WriteLine("Ctrl+C stops the silo.");
            await app.WaitForShutdownAsync(cancellation);
            return RunCommand.Success;
        }
        catch (Exception error) when (error is InputException or OptionsValidationException)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return RunCommand.BadInput;
        }
        catch (OperationCanceledException)
        {
            return RunCommand.Success;
        }
        catch (Exception error) when (error is OrleansException or IOException or System.Net.Sockets.SocketException or InvalidOperationException or StackExchange.Redis.RedisException)
        {
            // One line, not a stack trace: what failed is in the message (a Redis that cannot be reached, a port taken meanwhile).
            Console.Error.WriteLine($"error: the silo could not start: {error.GetBaseException().Message}");
            return RunCommand.Failure;
        }
    }

    /// <summary>The first of this instance's loopback ports something already listens on, checked before Orleans binds them.</summary>
    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static (int Port, string Role)? BusyPort(MarginClusterOptions config, int instance)
    {
        var ports = new List<(int, string)> { (config.SiloPort + instance, "silo port"), (config.GatewayPort + instance, "gateway port") };
        if (config.DashboardPort > 0)
        {
            ports.Add((config.DashboardPort + instance, "dashboard port"));
        }

        foreach (var (port, role) in ports)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
            }
            catch (System.Net.Sockets.SocketException)
            {
                return (port, role);
            }
        }

        return null;
    }
}
