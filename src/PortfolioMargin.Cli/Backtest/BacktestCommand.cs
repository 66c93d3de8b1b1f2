using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PortfolioMargin.Backtest;
using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Kernels;
using PortfolioMargin.Reporting.Backtest;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Backtest;

/// <summary>
/// `pm backtest`: replay a market history through margin models and write backtest.parquet,
/// backtest-summary.parquet and run.json all-or-nothing, then print the coverage and procyclicality tables (or
/// the --json document). With no input option it runs samples/backtest. Exit codes as `pm run`'s.
/// </summary>
internal static class BacktestCommand
{
    public static int Execute(BacktestRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        StopSignal.Watch();
        try
        {
            var started = DateTimeOffset.UtcNow;
            if (request.OutputPath is { } output)
            {
                RunDirectory.CheckTarget(output);
            }

            var sample = request.HistoryPath is null && request.PositionsPath is null && request.ConfigPath is null;
            var historyPath = sample ? SampleBook.PathOf(Path.Combine("backtest", "history.csv")) : request.HistoryPath ?? throw Missing("--history");
            var positionsPath = sample ? SampleBook.PathOf(Path.Combine("backtest", "positions.csv")) : request.PositionsPath ?? throw Missing("--positions");
            var (history, positions, config, files) = BacktestInputs.Load(historyPath, positionsPath, request.ConfigPath, request.Fill, new ConfigOverrides(null, request.Seed));
            if (request.Rate is { } rate)
            {
                // One rate for the whole history, as the options give it: every date's, the realized losses' too.
                if (PlausibilityBounds.Rate(rate) is { } problem)
                {
                    throw new InputException("--rate", 0, "rate", problem);
                }

                history = history with { Rate = [.. Enumerable.Repeat(rate, history.DateCount)] };
            }

            var settings = Settings(request, config);
            var needed = settings.Models.Max(m => BacktestRunner.FirstDate(m, settings, EwmaCovariance.DefaultWarmupDays)) + settings.HorizonRows;
            if (history.DateCount <= needed)
            {
                throw new InputException(historyPath, 0, "date", $"has {history.DateCount} dates; the models asked for need more than {needed} (their warm-up, window or stressed period, then the horizon)");
            }

            using var backend = RiskBackends.Open(request.Device);
            stderr.WriteLine($"device: {backend.Description}; {history.DateCount} dates × {history.UnderlyingCount} underlyings, {positions.Select(p => p.Account).Distinct().Count()} portfolios, models {string.Join(",", settings.Models.Select(m => m.Name))}, {settings.Paths} paths, horizon {settings.HorizonRows} rows");
            var runId = RunId(started, files, request);
            var target = request.OutputPath ?? Path.Combine("runs", "backtest-" + runId);
            var clock = Stopwatch.StartNew();
            BacktestResult result;
            using (var folder = RunDirectory.Begin(target))
            {
                var progress = new ProgressLine(stderr, request.Quiet);
                try
                {
                    result = new BacktestRunner(backend).Run(history, positions, settings, new Progress(progress, settings), cancellation);
                }
                finally
                {
                    progress.Finish();
                }

                var computed = clock.Elapsed;
                BacktestTables.WriteAsync(folder.PathOf, result.Rows, result.Summaries, ResultMetadata.Backtest(runId, MarketHistory.Currency), cancellation).GetAwaiter().GetResult();
                var record = Record(runId, files, settings, result, started, computed, clock.Elapsed, request.CommandLine, request.Rate);
                RunRecord.WriteAsync(folder.PathOf(ResultFiles.RunRecord), record, cancellation).GetAwaiter().GetResult();

                // The report is drawn from the files just written, as `pm report` would draw it later.
                BacktestReport.WriteAsync(folder.Staging, folder.PathOf(BacktestReport.FileName), cancellation).GetAwaiter().GetResult();
                folder.Commit();
            }

            var observations = settings.HorizonRows == 1
                ? "every date"
                : $"non-overlapping {settings.HorizonRows}-row horizons: every {Ordinal(settings.HorizonRows)} date from each model's first";
            BacktestConsole.Print(result.Summaries, new BacktestSettingsText(observations), request.Json ? stderr : stdout);
            (request.Json ? stderr : stdout).WriteLine($"results: {RunReport.Printable(Path.GetFullPath(target))}  ({result.Work.EngineCalls} engine calls, {result.Work.Scenarios:N0} scenarios, {result.Work.Rolls} rolls, {clock.Elapsed.TotalSeconds:F1} s)");
            if (request.Json)
            {
                stdout.WriteLine(BacktestJson.Serialize(result.Summaries, result.Rows));
            }

            return RunCommand.Success;
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

    private static BacktestSettings Settings(BacktestRequest request, Core.Risk.RiskConfig config)
    {
        var models = new List<MarginModelSpec>();
        foreach (var name in (request.Models ?? "implied,ewma,fhs").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (spec, unknown) = MarginModelSpec.Parse(name);
            models.Add(spec ?? throw new InputException("--models", 0, "models", unknown!));
        }

        var defaults = new BacktestSettings();
        var settings = new BacktestSettings
        {
            Models = models,
            Confidence = request.Confidence ?? config.Confidence,
            HorizonRows = request.Horizon ?? defaults.HorizonRows,
            WindowDays = request.Window ?? defaults.WindowDays,
            Lambda = request.Lambda ?? defaults.Lambda,
            Paths = request.Paths ?? defaults.Paths,
            Config = config,
            Roll = !request.NoRoll,
            Floors = request.Floors,
            AntiProcyclicality = request.AntiProcyclicality ?? defaults.AntiProcyclicality,
        };
        return settings.FirstProblem() is var (option, problem) ? throw new InputException(option, 0, option.TrimStart('-'), problem) : settings;
    }

    private static JsonObject Record(
        string runId, IReadOnlyList<InputFile> files, BacktestSettings settings, BacktestResult result, DateTimeOffset started, TimeSpan computed, TimeSpan total, IReadOnlyList<string> commandLine, double? rate) => new()
        {
            ["runId"] = runId,
            ["kind"] = "backtest",
            ["engineVersion"] = RunEnvironment.EngineVersion,
            ["engineCommit"] = RunEnvironment.EngineCommit,
            ["environment"] = RunEnvironment.Describe(),
            ["startedAt"] = started.ToString("O"),
            ["finishedAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["commandLine"] = new JsonArray([.. commandLine.Select(a => (JsonNode?)a)]),
            ["device"] = result.Work.Device,
            ["inputs"] = new JsonArray([.. files.Select(f => (JsonNode?)new JsonObject { ["role"] = f.Role, ["path"] = f.Path, ["sha256"] = f.Sha256 })]),
            ["settings"] = new JsonObject
            {
                ["models"] = new JsonArray([.. settings.Models.Select(m => (JsonNode?)m.Name)]),
                ["confidence"] = settings.Confidence,
                ["horizonRows"] = settings.HorizonRows,
                ["engineHorizon"] = "calendar days from each date to the row horizonRows later",
                ["windowDays"] = settings.WindowDays,
                ["lambda"] = settings.Lambda,
                ["paths"] = settings.Paths,
                ["seed"] = settings.Config.Seed,
                ["innovations"] = settings.Config.Innovations.ToString(),
                ["roll"] = settings.Roll,
                ["floors"] = settings.Floors,
                ["rate"] = rate is { } given ? given : "the history's",
                ["antiProcyclicality"] = AntiProcyclicalityJson(settings, result),
                ["esTestSimulations"] = settings.EsTestSimulations,
                ["observations"] = settings.HorizonRows == 1 ? "every date" : $"non-overlapping: every {Ordinal(settings.HorizonRows)} date",
            },
            ["config"] = RunRecord.ConfigJson(settings.Config),
            ["work"] = new JsonObject
            {
                ["engineCalls"] = result.Work.EngineCalls,
                ["scenarios"] = result.Work.Scenarios,
                ["rolls"] = result.Work.Rolls,
                ["dates"] = result.Work.Dates,
                ["rows"] = result.Rows.Count,
            },
            ["timingsMs"] = Timings(result, computed, total),
            ["outputs"] = new JsonArray(BacktestTables.RowsFile, BacktestTables.SummaryFile),
        };

    /// <summary>Which tools each model carries, with their parameters, and the stressed period the stress tool chose last.</summary>
    private static JsonArray AntiProcyclicalityJson(BacktestSettings settings, BacktestResult result)
    {
        var apc = settings.AntiProcyclicality;
        var models = new JsonArray();
        foreach (var spec in settings.Models.Where(m => m.Tools != AntiProcyclicalityTools.None))
        {
            var entry = new JsonObject
            {
                ["model"] = spec.Name,
                ["tools"] = new JsonArray([.. spec.Tools.Each().Select(t => (JsonNode?)t.Name())]),
            };
            if (spec.Tools.HasFlag(AntiProcyclicalityTools.Buffer))
            {
                entry["buffer"] = new JsonObject { ["share"] = apc.BufferShare, ["rebuildDays"] = apc.BufferRebuildDays };
            }

            if (spec.Tools.HasFlag(AntiProcyclicalityTools.Stress))
            {
                entry["stress"] = new JsonObject
                {
                    ["weight"] = apc.StressWeight,
                    ["windowDays"] = apc.StressWindowDays,
                    ["periodOnLastDate"] = result.StressedPeriod is var (first, last) ? $"{first:yyyy-MM-dd}/{last:yyyy-MM-dd}" : null,
                };
            }

            if (spec.Tools.HasFlag(AntiProcyclicalityTools.TenYear))
            {
                entry["tenYear"] = new JsonObject { ["lookbackDays"] = apc.LongRunDays };
            }

            models.Add(entry);
        }

        return models;
    }

    private static JsonObject Timings(BacktestResult result, TimeSpan computed, TimeSpan total)
    {
        var timings = new JsonObject
        {
            ["backtest"] = Math.Round(computed.TotalMilliseconds, 3),
            ["total"] = Math.Round(total.TotalMilliseconds, 3),
        };
        foreach (var (stage, ms) in result.Timings.Milliseconds.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            timings[stage] = Math.Round(ms, 3);
        }

        return timings;
    }

    private static string RunId(DateTimeOffset started, IEnumerable<InputFile> files, BacktestRequest request)
    {
        var fingerprint = string.Join("|", files.Select(f => f.Sha256)) + string.Join(" ", request.CommandLine);
        return $"{started.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)))[..8]}";
    }

    private static InputException Missing(string option) => new(
        option, 0, "", "is required once any input file is given (with none of --history, --positions and --config, pm backtest runs the bundled sample in samples/backtest)");

    /// <summary>Dates done and the models on the run's progress line (which adds the rate and the time left).</summary>
    private sealed class Progress(ProgressLine line, BacktestSettings settings) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value)
        {
            line.Report(value.DatesDone, value.Dates, value.Elapsed, $"models {string.Join(",", settings.Models.Select(m => m.Name))}", "dates");
        }
    }

    /// <summary>2nd, 3rd, 11th, 22nd: the horizon as English counts it.</summary>
    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
