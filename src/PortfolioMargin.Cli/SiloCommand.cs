using Microsoft.Extensions.Hosting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Silo.Hosting;

namespace PortfolioMargin.Cli;

/// <summary>`pm silo`: one silo of the cluster, running until Ctrl+C.</summary>
public static class SiloCommand
{
    public static async Task<int> ExecuteAsync(string? configPath, int instance, CancellationToken cancellation)
    {
        try
        {
            var config = configPath is null ? new ClusterConfig() : ClusterConfig.Load(configPath);
            await using var app = MarginSiloHost.Build(config, instance);
            await app.StartAsync(cancellation);
            Console.Error.WriteLine(
                $"silo {instance} of cluster '{config.ClusterId}': {config.Clustering} clustering, {config.Storage} storage, silo port {config.SiloPort + instance}, gateway port {config.GatewayPort + instance}");
            if (config.DashboardPort > 0)
            {
                Console.Error.WriteLine($"dashboard: http://127.0.0.1:{config.DashboardPort + instance}/");
            }

            Console.Error.WriteLine("Ctrl+C stops the silo.");
            await app.WaitForShutdownAsync(cancellation);
            return RunCommand.Success;
        }
        catch (InputException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return RunCommand.BadInput;
        }
        catch (OperationCanceledException)
        {
            return RunCommand.Success;
        }
    }
}
