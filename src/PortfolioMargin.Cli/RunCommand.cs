using System.Security.Cryptography;
using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Kernels;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm run`: load and validate the inputs, run the engine, write the results all-or-nothing, then report.
/// Exit codes: 0 done, 2 bad input (nothing written), 1 any other failure (nothing written).
/// </summary>
internal static class RunCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>Ctrl+C (SIGINT): 128 + 2, as shells report it (SIGTERM: <see cref="StopSignal.Terminated"/>).</summary>
    public const int Interrupted = StopSignal.Interrupted;

    /// <param name="warmBackend">An open backend to use instead of opening one (benchmarks reuse a warm one).</param>
    public static int Execute(RunRequest request, TextWriter stdout, TextWriter stderr, IRiskBackend? warmBackend = null, CancellationToken cancellation = default)
    {
        StopSignal.Watch();
        try
        {
            var started = DateTimeOffset.UtcNow;

            // A used output folder is refused before any work.
            if (request.OutputPath is { } output)
            {
                RunDirectory.CheckTarget(output);
            }

            var (inputs, files) = BookInputs.Load(request);
            using var opened = warmBackend is null ? RiskBackends.Open(request.Device) : null;
            var backend = warmBackend ?? opened!;
            stderr.WriteLine($"device: {backend.Description}; {inputs.Positions.Count} positions, {RunReport.Paths(inputs.Config, inputs.Scenarios)}");
            var engine = new MarginEngine(backend, request.Report ? new EngineOptions { RecordAccountDetail = true } : null);
            var runId = RunId(started, files, inputs);
            var target = request.OutputPath ?? Path.Combine("runs", runId);
            MarginRunResult result;
            using (var folder = RunDirectory.Begin(target))
            {
                var progress = new ProgressLine(stderr, request.Quiet);
                try
                {
                    result = engine.Run(inputs, progress, cancellation);
                }
                finally
                {
                    progress.Finish();
                }

                var tables = new ResultTables(folder.PathOf);
                var details = result.Details is { } all ? ReportAccounts.Detailed(result.Accounts, all) : null;
                result.Timings.Add("parquet", tables.FinishAsync(runId, inputs.Market, result.Accounts, result.Positions, result.Strategies, details).GetAwaiter().GetResult());

                var record = RunRecord.Build(runId, files, inputs.Config, result, started, DateTimeOffset.UtcNow, request.CommandLine, inputs.Scenarios?.Count);
                RunRecord.WriteAsync(folder.PathOf(ResultFiles.RunRecord), record).GetAwaiter().GetResult();
                if (request.Report)
                {
                    RunReportFiles.WriteReport(folder, stderr);
                }

                folder.Commit();
            }

            // Results on stdout; with --json the document is stdout's alone, and the table goes to stderr.
            RunReport.Print(result.Accounts, target, DateTimeOffset.UtcNow - started, request.Json ? stderr : stdout);
            if (request.Json)
            {
                stdout.WriteLine(AccountJson.Serialize(result.Accounts, result.Positions));
            }

            return Success;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return StopSignal.Report(stderr);
        }
        catch (Exception error) when (VerbErrors.IsExpected(error))
        {
            return VerbErrors.Report(error, stderr);
        }
    }

    /// <summary>Time to the millisecond, then a digest of what went in, so two different runs never share an id.</summary>
    private static string RunId(DateTimeOffset started, IEnumerable<InputFile> files, MarginInputs inputs)
    {
        var fingerprint = string.Join("|", files.Select(f => f.Sha256)) + RunRecord.ConfigJson(inputs.Config).ToJsonString();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)))[..8];
        return $"{started.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{digest}";
    }
}
