using System.Globalization;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Market;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm intraday`: sends a market move to the market data grain and prints the accounts whose status changed.
/// Without --cluster there is no cluster state to move, so an embedded silo runs end-of-day over the book first.
/// </summary>
internal static class IntradayCommand
{
    public static async Task<int> ExecuteAsync(ClusterRequest request, string updatePath, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, int latencyRepeats = 0)
    {
        return await ClusterErrors.ExitCodeOfAsync(async () =>
        {
            var file = MarketUpdateFiles.Load(updatePath);
            var (cluster, config) = await ClusterConnection.OpenAsync(request, cancellation);
            await using (cluster)
            {
                if (request.ClusterConfigPath is null)
                {
                    var runId = $"eod-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}";
                    var run = ClusterConnection.RunRequest(request.Book, runId, Path.GetFullPath(Path.Combine(config.OutputFolder, runId)));
                    stderr.WriteLine($"{cluster.Description}: end-of-day run {runId} first, {run.Config.Paths} paths");
                    await ClusterConnection.RunAsync(cluster.Client, run, stderr, cancellation);
                }

                IntradayOutcome outcome;
                try
                {
                    outcome = await cluster.Client.GetGrain<IMarketDataGrain>(MarketDataKeys.Current).ApplyUpdate(file.Update);
                }
                catch (MarginRequestException refusal) when (file.AtItsLine(refusal) is { } located)
                {
                    throw located;
                }

                Print(outcome, stdout);
                if (latencyRepeats > 0 && outcome.Recomputed.Length > 0)
                {
                    await IntradayLatency.MeasureAsync(cluster.Client, outcome.Recomputed.Order(StringComparer.Ordinal).First(), latencyRepeats, stdout);
                }

                return RunCommand.Success;
            }
        }, stderr);
    }

    /// <summary>The update's outcome: one line, then one per account whose status changed.</summary>
    public static void Print(IntradayOutcome outcome, TextWriter stdout)
    {
        if (outcome.AlreadyApplied)
        {
            stdout.WriteLine($"update {outcome.UpdateId}: already applied (market version {outcome.MarketVersion}); nothing recomputed");
            return;
        }

        stdout.WriteLine($"update {outcome.UpdateId}: market version {outcome.MarketVersion}, {outcome.Recomputed.Length} accounts recomputed, {outcome.StatusChanges.Length} status changes");
        foreach (var change in outcome.StatusChanges.OrderBy(c => c.Account, StringComparer.Ordinal))
        {
            // Account ids are data: an ANSI escape in one must not reach the terminal as a command.
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {RunReport.Printable(change.Account)}: {change.OldStatus} -> {change.NewStatus}  equity {change.Equity:N0}  IM {change.InitialMargin:N0}  MM {change.MaintenanceMargin:N0}"));
        }

        if (outcome.StatusChanges.Any(c => c.IsMarginEvent))
        {
            stdout.WriteLine($"events: {outcome.EventsFile}");
        }
    }
}
