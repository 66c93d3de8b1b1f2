using System.Diagnostics;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Workers;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm run` (through an embedded silo, or with --cluster as a client of a running cluster) and `pm cluster-run`.
/// The files are written by the silo hosting the run, under its results root, so with several machines that root
/// is a folder they share. Exit codes as `pm run --direct`: 0 done, 2 bad input or a refused request, 1 any other
/// failure, 130 interrupted; a run that did not complete wrote nothing.
/// </summary>
internal static class ClusterRunCommand
{
    public static async Task<int> ExecuteAsync(
        ClusterRequest request, string? runId, string? output, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        return await ClusterErrors.ExitCodeOfAsync(async () =>
        {
            var clock = Stopwatch.StartNew();

            // A bad setting (the file's, the environment's, a flag's) is exit 2 before any work.
            var settings = ClusterConnection.Settings(request);
            var options = ClusterConfiguration.Read(settings);
            runId ??= $"eod-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}";
            var embedded = request.ClusterConfigPath is null;

            // An embedded silo writes where this process would: refuse a used folder before any work, as --direct
            // does. A cluster's silo resolves the folder under its results root and checks it when the run arrives.
            var folder = embedded ? Path.GetFullPath(output ?? Path.Combine("runs", runId)) : output ?? runId;
            if (embedded)
            {
                RunDirectory.CheckTarget(folder);
            }

            // The silo starts while the inputs are read, and an embedded silo's engine starts pricing the book as
            // soon as it is read (the run's shard joins that engine call): starting a silo takes about as long as
            // pricing a small book. The embedded silo ends with this process, so nothing would read its account
            // grains afterwards.
            using var accelerator = embedded ? new SiloAccelerator(MarginSiloBuilder.WorkerOptions(options)) : null;
            accelerator?.Warm();
            var loading = Task.Run(() => Timed(() =>
            {
                var run = ClusterConnection.RunRequest(request.Book, runId, folder, updateAccounts: !embedded);
                accelerator?.PriceAhead(new MarginInputs(run.Market, run.Positions, run.Collateral, run.Config, run.Scenarios), run.Report);
                return run;
            }), cancellation);
            var opening = TimedAsync(Task.Run(() => ClusterConnection.OpenAsync(request, settings, cancellation, accelerator), cancellation));
            MarginRunRequest run;
            TimeSpan loadTime;
            try
            {
                (run, loadTime) = await loading;
            }
            catch
            {
                await DisposeQuietlyAsync(opening);
                throw;
            }

            var ((cluster, _), openTime) = await opening;
            var submitted = clock.Elapsed;
            await using (cluster)
            {
                stderr.WriteLine($"{cluster.Description}: run {runId}, {run.Positions.Length} positions, {RunReport.Paths(run.Config, run.Scenarios)}");

                MarginRunStatus status;
                try
                {
                    status = await ClusterConnection.RunAsync(cluster.Client, run, stderr, cancellation, waitForAccounts: !embedded, quiet: request.Book.Quiet);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // Said before the silo stops: the process may be ended while it does.
                    return StopSignal.Report(stderr);
                }

                var runGrain = cluster.Client.GetGrain<IMarginRunGrain>(runId);
                var results = await runGrain.GetResults();
                RunReport.Print(results, status.OutputFolder ?? folder, clock.Elapsed, json ? stderr : stdout);
                stderr.WriteLine($"time: inputs {loadTime.TotalSeconds:F2} s beside {(embedded ? "silo start" : "connecting")} {openTime.TotalSeconds:F2} s, then the run {(clock.Elapsed - submitted).TotalSeconds:F2} s");
                if (json)
                {
                    // Fetched only for --json: a big book's position risks are not sent back otherwise.
                    stdout.WriteLine(AccountJson.Serialize(results, await runGrain.GetPositions()));
                }

                return RunCommand.Success;
            }
        }, stderr);
    }

    private static (T Value, TimeSpan Elapsed) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, clock.Elapsed);
    }

    private static async Task<(T Value, TimeSpan Elapsed)> TimedAsync<T>(Task<T> work)
    {
        var clock = Stopwatch.StartNew();
        return (await work, clock.Elapsed);
    }

    private static async Task DisposeQuietlyAsync(Task<((MarginClusterClient Client, MarginClusterOptions Options) Value, TimeSpan Elapsed)> opening)
    {
        try
        {
            await (await opening).Value.Client.DisposeAsync();
        }
        catch (Exception error) when (error is OrleansException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // The input error is the one to report.
        }
    }
}
