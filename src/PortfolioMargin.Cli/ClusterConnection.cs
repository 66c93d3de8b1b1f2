using PortfolioMargin.Grains;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cli;

/// <summary>What the client verbs share: connecting, and turning the input files into a run request.</summary>
public static class ClusterConnection
{
    /// <param name="accelerator">For an embedded silo: the accelerator it is to use (made with <see cref="EmbeddedConfig"/>'s options).</param>
    public static async Task<(MarginClusterClient Client, ClusterConfig Config)> OpenAsync(
        ClusterRequest request, CancellationToken cancellation, SiloAccelerator? accelerator = null)
    {
        if (request.ClusterConfigPath is { } path)
        {
            var config = ClusterConfig.Load(path);
            return (await MarginClusterClient.ConnectAsync(config, cancellation), config);
        }

        var embedded = EmbeddedConfig(request.Book);
        return (await MarginClusterClient.StartEmbeddedAsync(embedded, accelerator, cancellation), embedded);
    }

    /// <summary>The embedded silo's configuration: the defaults, on the device the command asked for.</summary>
    public static ClusterConfig EmbeddedConfig(RunRequest book) => new() { Device = book.Device.ToString().ToLowerInvariant() };

    /// <summary>The same files and defaults as `pm run` (<see cref="BookInputs"/>); they are read here, on the client, and sent whole.</summary>
    public static MarginRunRequest RunRequest(RunRequest book, string runId, string outputFolder, bool updateAccounts = true)
    {
        var (inputs, files) = BookInputs.Load(book);
        return new MarginRunRequest(
            runId, inputs.Market, inputs.Config, [.. inputs.Positions], [.. inputs.Collateral], outputFolder,
            [.. files.Select(f => new RunInput(f.Role, f.Path, f.Sha256))], [.. book.CommandLine], updateAccounts);
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
                    status.Phase == RunPhase.Completed ? "results written, account grains taking them"
                    : status.Accounts == 0 ? $"pricing started, {status.Retries} retries"
                    : $"{status.Retries} retries"),
                TimeSpan.FromSeconds(2), cancellation, waitForAccounts);
        }
        finally
        {
            progress.Finish();
        }
    }
}
