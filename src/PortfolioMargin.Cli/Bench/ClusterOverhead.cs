using System.Diagnostics;

namespace PortfolioMargin.Cli.Bench;

/// <summary>
/// The grain layer's cost on the same book in the same process: an embedded silo (same device choice) runs the
/// book once to warm up, then several times timed, from parsing the inputs to the run grain's Parquet files, which is what
/// the direct measurement covers too. Direct and silo runs alternate, so that a neighbour's load on a shared machine
/// slows both sides alike instead of whichever happened to run during it.
/// </summary>
public static class ClusterOverhead
{
    public static async Task<(double[] Direct, double[] ViaSilo)> MeasureSecondsAsync(
        string book, RunRequest template, int repeats, Func<double> direct, CancellationToken cancellation)
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
                    directSeconds[i] = direct();
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
