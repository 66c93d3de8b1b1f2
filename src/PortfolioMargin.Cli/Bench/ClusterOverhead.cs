using System.Diagnostics;
using PortfolioMargin.Engine.Backends;

namespace PortfolioMargin.Cli.Bench;

/// <summary>
/// The grain layer's cost on the same book in the same process: `pm run --direct` (on a warm backend) against
/// `pm run` through an embedded silo (same device choice, warmed by one run). Both parse and hash the inputs, price
/// the book and write accounts.parquet, positions.parquet and run.json into a staged folder. Direct and silo runs
/// alternate, so that a neighbour's load on a shared machine slows both sides alike instead of whichever happened
/// to run during it.
/// </summary>
internal static class ClusterOverhead
{
    public static async Task<(double[] Direct, double[] ViaSilo)> MeasureSecondsAsync(
        string book, RunRequest template, int repeats, IRiskBackend backend, CancellationToken cancellation)
    {
        var request = template with
        {
            MarketPath = Path.Combine(book, "market.json"),
            PositionsPath = Path.Combine(book, "positions.csv"),
            CollateralPath = Path.Combine(book, "collateral.csv"),
            ConfigPath = File.Exists(Path.Combine(book, "config.json")) ? Path.Combine(book, "config.json") : null,
        };
        var scratch = Directory.CreateTempSubdirectory("pm-bench-cluster-");
        try
        {
            var (cluster, _) = await ClusterConnection.OpenAsync(new ClusterRequest(null, request), cancellation);
            await using (cluster)
            {
                var warm = ClusterConnection.RunRequest(request, "bench-warm-up", Path.Combine(scratch.FullName, "warm"));
                await ClusterConnection.RunAsync(cluster.Client, warm, TextWriter.Null, cancellation);

                var directSeconds = new double[repeats];
                var seconds = new double[repeats];
                for (var i = 0; i < repeats; i++)
                {
                    var directClock = Stopwatch.StartNew();
                    var exit = RunCommand.Execute(request with { OutputPath = Path.Combine(scratch.FullName, $"direct-{i}") }, TextWriter.Null, TextWriter.Null, backend);
                    directSeconds[i] = exit == RunCommand.Success ? directClock.Elapsed.TotalSeconds : throw new InvalidOperationException($"direct run failed with exit code {exit}");
                    var clock = Stopwatch.StartNew();
                    var timed = ClusterConnection.RunRequest(request, $"bench-timed-{i}", Path.Combine(scratch.FullName, $"timed-{i}"));
                    await ClusterConnection.RunAsync(cluster.Client, timed, TextWriter.Null, cancellation);
                    seconds[i] = clock.Elapsed.TotalSeconds;
                }

                return (directSeconds, seconds);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
