using Microsoft.Extensions.Configuration;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cli;

/// <summary>What the client verbs share: the cluster settings, connecting, and turning the input files into a run request.</summary>
internal static class ClusterConnection
{
    public static Task<(MarginClusterClient Client, MarginClusterOptions Options)> OpenAsync(ClusterRequest request, CancellationToken cancellation) =>
        OpenAsync(request, Settings(request), cancellation);

    /// <param name="settings">The request's <see cref="Settings"/>.</param>
    /// <param name="accelerator">For an embedded silo: the accelerator it is to use (made with the same settings' worker options).</param>
    public static async Task<(MarginClusterClient Client, MarginClusterOptions Options)> OpenAsync(
        ClusterRequest request, IConfiguration settings, CancellationToken cancellation, SiloAccelerator? accelerator = null)
    {
        var cluster = request.ClusterConfigPath is null
            ? await MarginClusterClient.StartEmbeddedAsync(settings, accelerator, cancellation)
            : await MarginClusterClient.ConnectAsync(settings, cancellation);
        return (cluster, cluster.Options);
    }

    /// <summary>
    /// The cluster settings of a client verb: the --cluster file (none for an embedded silo) under the environment,
    /// with the command's flags over both. The flags arrive as the options they set: --device is the embedded
    /// silo's <see cref="MarginClusterOptions.Device"/>.
    /// </summary>
    public static IConfiguration Settings(ClusterRequest request) =>
        ClusterConfiguration.Build(request.ClusterConfigPath, [ClusterConfiguration.Flag(nameof(MarginClusterOptions.Device), request.Book.Device)]);

    /// <summary>The same files and defaults as `pm run` (<see cref="BookInputs"/>); they are read here, on the client, and sent whole.</summary>
    public static MarginRunRequest RunRequest(RunRequest book, string runId, string outputFolder, bool updateAccounts = true)
    {
        var (inputs, files) = BookInputs.Load(book);
        return new MarginRunRequest(
            runId, inputs.Market, inputs.Config, [.. inputs.Positions], [.. inputs.Collateral], outputFolder,
            [.. files.Select(f => new RunInput(f.Role, f.Path, f.Sha256))], [.. book.CommandLine], updateAccounts, book.Report, inputs.Scenarios);
    }

    /// <summary>Submits a run and waits for it, with its progress on stderr (<see cref="ProgressLine"/>).</summary>
    public static async Task<MarginRunStatus> RunAsync(
        IClusterClient client, MarginRunRequest request, TextWriter stderr, CancellationToken cancellation, bool waitForAccounts = true, bool quiet = false)
    {
        var progress = new ProgressLine(stderr, quiet);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await RunSubmission.SubmitAndWaitAsync(
                client, request,
                status => progress.Report(
                    status.Phase == RunPhase.Completed ? status.Accounts : status.Done, status.Accounts, clock.Elapsed,
                    status.Phase == RunPhase.Completed ? (waitForAccounts && !status.AccountsUpdated ? "results written, account grains taking them" : "results written")
                    : status.Accounts == 0 ? $"pricing started, {status.Retries} retries"
                    : $"{status.Stage ?? "pricing"}, {status.Retries} retries",
                    fraction: status.Fraction),
                TimeSpan.FromSeconds(2), cancellation, waitForAccounts);
        }
        finally
        {
            progress.Finish();
        }
    }
}
