using System.Diagnostics;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm cluster-run`: the end-of-day run as a client of the cluster. The files are written by the silo hosting the
/// run, so with several machines the output folder must be one they share.
/// Exit codes as `pm run`: 0 done, 2 bad input or a refused request, 1 any other failure (or accounts that failed).
/// </summary>
public static class ClusterRunCommand
{
    public static async Task<int> ExecuteAsync(
        ClusterRequest request, string? runId, string? output, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        return await ClusterErrors.ExitCodeOfAsync(async () =>
        {
            var clock = Stopwatch.StartNew();
            runId ??= $"eod-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}";
            var (cluster, config) = await ClusterConnection.OpenAsync(request, cancellation);
            await using (cluster)
            {
                var target = output ?? Path.GetFullPath(Path.Combine(config.OutputFolder, runId));
                var run = ClusterConnection.RunRequest(request.Book, runId, target);
                stderr.WriteLine($"{cluster.Description}: run {runId}, {run.Positions.Length} positions, {run.Config.Paths} paths, seed {run.Config.Seed}");
                var status = await ClusterConnection.RunAsync(cluster.Client, run, stderr, cancellation);
                var results = await cluster.Client.GetGrain<IMarginRunGrain>(runId).GetResults();
                RunReport.Print(new MarginRunResult(results, [], "", new StageTimings(), 0, 0), status.OutputFolder ?? target, clock.Elapsed, stderr);
                foreach (var failure in status.FailedAccounts)
                {
                    stderr.WriteLine($"failed: {failure}");
                }

                if (json)
                {
                    stdout.WriteLine(AccountJson.Serialize(results));
                }

                return status.Failed == 0 ? RunCommand.Success : RunCommand.Failure;
            }
        }, stderr);
    }
}
