using System.CommandLine;
using System.Globalization;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli;

/// <summary>The `pm` command tree. Parsing is System.CommandLine's; each verb's work lives in its own class.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PortfolioMargin.Gpu: portfolio margin (Monte Carlo VaR/ES, stress grid, Greeks) on ILGPU.");
        root.Subcommands.Add(RunVerb());
        root.Subcommands.Add(ReportVerb());
        root.Subcommands.Add(ClusterVerbs.Silo());
        root.Subcommands.Add(ClusterVerbs.ClusterRun());
        root.Subcommands.Add(ClusterVerbs.Intraday());
        root.Subcommands.Add(Bench.BenchVerbs.Bench());
        root.Subcommands.Add(BacktestVerb());

        // Read by Program.cs from the words themselves (it must hold when parsing fails); declared so that it parses.
        root.Options.Add(new Option<bool>(VerbErrors.VerboseOption) { Description = "On a failure, also print its stack trace.", Recursive = true });

        // `pm --verbose` alone: without an action the root's error is "Required command was not provided", which
        // also tops the list for an unknown verb.
        root.SetAction(_ =>
        {
            Console.Error.WriteLine("error: no verb given; see pm --help");
            return RunCommand.BadInput;
        });
        SubcommandHelp.Install(root);
        EnumValues.InLowerCase(root);
        return root;
    }

    private static Command BacktestVerb()
    {
        var history = new Option<FileInfo?>("--history") { Description = "Market history CSV or Parquet (.parquet): date,underlying,spot,atmVol[,dividendYield,skew,smile,volOfVol,spotVolCorrelation,rate]. With no input option, samples/backtest runs." };
        var positions = new Option<FileInfo?>("--positions") { Description = "Positions CSV or Parquet, entered on the history's first date (each account a portfolio)." };
        var config = new Option<FileInfo?>("--config") { Description = "Risk config JSON: innovations, seed, and with --floors the stress grid and minimum charge." };
        var models = new Option<string?>("--models") { Description = "Comma-separated models: implied, ewma, fhs (default: all three), each with any anti-procyclicality tools joined by +: buffer, stress, tenyear (e.g. fhs,fhs+buffer)." };
        var confidence = new Option<double?>("--confidence") { Description = "VaR and ES confidence (default: the config's, 0.99)." };
        var horizon = new Option<int?>("--horizon") { Description = "Horizon in rows (business days) of the history (default 2)." };
        var window = new Option<int?>("--window") { Description = "FHS window in days (default 500)." };
        var lambda = new Option<double?>("--lambda") { Description = "EWMA decay (default 0.94)." };
        var rate = new Option<double?>("--rate") { Description = "A continuously compounded annual rate for every date, in place of the history's rate column (0 where it has none)." };
        var paths = new Option<int?>("--paths") { Description = "Paths of the simulated models (default 10,000)." };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the config)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the results (default: runs/backtest-<run-id>); must not exist or be empty." };
        var json = new Option<bool>("--json") { Description = "Print {\"summary\":[...],\"rows\":[...]} on stdout; the tables go to stderr." };
        var fill = new Option<HistoryFill>("--fill") { Description = "none (a missing underlying on a date is an error) or previous (carry its last close forward).", DefaultValueFactory = _ => HistoryFill.None };
        var noRoll = new Option<bool>("--no-roll") { Description = "Let expiring contracts leave the book instead of rolling them (docs/backtesting.md)." };
        var floors = new Option<bool>("--floors") { Description = "Requirement = max(ES, stress grid, minimum charge) as in an end-of-day run, instead of the model's ES alone." };
        var device = new Option<DeviceKind>("--device") { Description = "As for `pm run`.", DefaultValueFactory = _ => DeviceKind.Auto };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on stderr." };
        var apc = new Core.Backtesting.AntiProcyclicality();
        var bufferShare = new Option<double>("--apc-buffer") { Description = "The buffer tool's share of the requirement (EMIR Art. 28's minimum, 0.25, by default).", DefaultValueFactory = _ => apc.BufferShare };
        var rebuild = new Option<int>("--apc-rebuild") { Description = "Business days over which a used buffer is rebuilt (default 20).", DefaultValueFactory = _ => apc.BufferRebuildDays };
        var stressWeight = new Option<double>("--apc-stress-weight") { Description = "The stress tool's weight on the stressed period's requirement (default 0.25).", DefaultValueFactory = _ => apc.StressWeight };
        var stressDays = new Option<int>("--apc-stress-days") { Description = "Rows of the stressed period (default 250).", DefaultValueFactory = _ => apc.StressWindowDays };
        var command = new Command("backtest", "Replay a market history through margin models (implied, EWMA, filtered historical simulation): coverage and procyclicality per model and portfolio.")
        {
            history, positions, config, models, confidence, horizon, window, lambda, paths, seed, output, json, fill, noRoll, floors, device, quiet,
            bufferShare, rebuild, stressWeight, stressDays, rate,
        };
        command.SetAction((parse, cancellation) => Task.Run(
            () => Backtest.BacktestCommand.Execute(
                new Backtest.BacktestRequest(
                    InputPath.Of(parse.GetValue(history)), InputPath.Of(parse.GetValue(positions)), InputPath.Of(parse.GetValue(config)),
                    parse.GetValue(models), parse.GetValue(confidence), parse.GetValue(horizon), parse.GetValue(window), parse.GetValue(lambda),
                    parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(output)?.FullName, parse.GetValue(json), parse.GetValue(fill),
                    parse.GetValue(noRoll), parse.GetValue(floors), parse.GetValue(device), parse.GetValue(quiet), Environment.GetCommandLineArgs(),
                    apc with
                    {
                        BufferShare = parse.GetValue(bufferShare),
                        BufferRebuildDays = parse.GetValue(rebuild),
                        StressWeight = parse.GetValue(stressWeight),
                        StressWindowDays = parse.GetValue(stressDays),
                    },
                    parse.GetValue(rate)),
                Console.Out, Console.Error, cancellation),
            CancellationToken.None));
        return command;
    }

    private static Command ReportVerb()
    {
        var folder = new Argument<DirectoryInfo>("run-dir") { Description = "A run's folder (accounts.parquet, positions.parquet, run.json, …), e.g. runs/<run-id>." };
        var output = new Option<FileInfo?>("--out") { Description = "The HTML file to write (default: report.html in the run's folder); replaced whole, never half-written." };
        var top = new Option<int>("--top") { Description = "Accounts with the largest initial margin that get a section of their own (accounts in liquidation get one too, up to 50).", DefaultValueFactory = _ => Reporting.Margin.ReportAccounts.DefaultTop };
        var events = new Option<FileInfo?>("--events") { Description = "Margin events to show (default: events.parquet in the run's folder, where there is one)." };
        var command = new Command("report", "Write one self-contained HTML report of a run (charts inline, opens offline): the run, the book, per underlying, the largest and the liquidated accounts.")
        {
            folder, output, top, events,
        };
        top.Validators.Add(result =>
        {
            // The word as given, not GetValue: for a value that is not a number (the parser's own error, which
            // UsageErrors words) GetValue throws, and a throw while parsing aborts the process.
            if (result.Tokens is [{ Value: var given }] && int.TryParse(given, CultureInfo.InvariantCulture, out var count) && count < 0)
            {
                result.AddError($"option '--top': '{given}' is not {UsageErrors.Expected(typeof(int))} of 0 or more");
            }
        });
        command.SetAction(parse => ReportCommand.Execute(
            parse.GetValue(folder)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(top), parse.GetValue(events)?.FullName, Console.Out, Console.Error));
        return command;
    }

    /// <summary>`--scenarios FILE` of `pm run` and `pm cluster-run`.</summary>
    public static Option<FileInfo?> ScenariosOption() => new("--scenarios")
    {
        Description = "Scenario set CSV (scenario,underlying,spot,atmVol: levels at the horizon) priced instead of simulated paths, one path per scenario (docs/formats.md). Not with --paths; the config must be of one step.",
    };

    /// <summary>The set's size is the run's paths: both given is a usage error, before anything runs.</summary>
    public static void RefusePathsWithScenarios(Command command, Option<int?> paths, Option<FileInfo?> scenarios) =>
        command.Validators.Add(result =>
        {
            // Whether each was given, not its value: a value that does not parse is the parser's own error, and
            // asking for it here would throw.
            if (result.GetResult(paths) is { Implicit: false } && result.GetResult(scenarios) is { Implicit: false })
            {
                result.AddError($"--paths {InputLoader.PathsWithScenarios}");
            }
        });

    private static Command RunVerb()
    {
        var market = new Option<FileInfo?>("--market") { Description = "Market snapshot JSON. Required once any input file is given; with none, the bundled sample book runs." };
        var positions = new Option<FileInfo?>("--positions") { Description = "Positions CSV or Parquet. Required once any input file is given." };
        var collateral = new Option<FileInfo?>("--collateral") { Description = "Collateral CSV (default: no collateral; the sample's only when no input file is given)." };
        var config = new Option<FileInfo?>("--config") { Description = "Risk config JSON (default: the built-in defaults; the sample's only when no input file is given)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the results (default: runs/<run-id>); must not exist or be empty. With --cluster, a folder under the cluster's results root (a relative one goes under it)." };
        var device = new Option<DeviceKind>("--device") { Description = "auto (CUDA, then OpenCL, then the faster CPU backend), cuda, opencl, cpu (ILGPU CPU accelerator) or host (plain multi-threaded C#).", DefaultValueFactory = _ => DeviceKind.Auto };
        var paths = new Option<int?>("--paths") { Description = "Monte Carlo paths (overrides the config)." };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the config)." };
        var json = new Option<bool>("--json") { Description = "Print the account results as JSON on stdout; everything else goes to stderr." };
        var cluster = new Option<FileInfo?>("--cluster") { Description = "Run as a client of the running Orleans cluster this config describes (default: an embedded silo in this process)." };
        var direct = new Option<bool>("--direct") { Description = "Call the engine directly, without a silo (what tests and benchmarks do)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on stderr (errors and the summary still show)." };
        var report = new Option<bool>("--report") { Description = "Also write report.html (see `pm report`) and report-detail.parquet (loss distributions and stress grids of the report's accounts) with the results." };
        var scenarios = ScenariosOption();

        var command = new Command("run", "Run a margin calculation over a book and write accounts.parquet, positions.parquet and run.json.")
        {
            market, positions, collateral, config, output, device, paths, seed, json, cluster, direct, quiet, report, scenarios,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(direct) && result.GetValue(cluster) is not null)
            {
                result.AddError("--cluster and --direct cannot be used together: --direct runs the engine in this process, --cluster sends the run to a running cluster");
            }
        });
        RefusePathsWithScenarios(command, paths, scenarios);
        command.SetAction((parse, cancellation) =>
        {
            var request = new RunRequest(
                InputPath.Of(parse.GetValue(market)),
                InputPath.Of(parse.GetValue(positions)),
                InputPath.Of(parse.GetValue(collateral)),
                InputPath.Of(parse.GetValue(config)),
                parse.GetValue(output)?.FullName,
                parse.GetValue(device),
                parse.GetValue(paths),
                parse.GetValue(seed),
                parse.GetValue(json),
                Environment.GetCommandLineArgs(),
                parse.GetValue(quiet),
                parse.GetValue(report),
                InputPath.Of(parse.GetValue(scenarios)));
            return parse.GetValue(direct)
                ? Task.Run(() => RunCommand.Execute(request, Console.Out, Console.Error, null, cancellation), CancellationToken.None)
                : ClusterRunCommand.ExecuteAsync(
                    new ClusterRequest(parse.GetValue(cluster)?.FullName, request with { OutputPath = null, Json = false }),
                    null, parse.GetValue(output)?.ToString(), request.Json, Console.Out, Console.Error, cancellation);
        });
        return command;
    }
}
