using System.CommandLine;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Cli;

/// <summary>The cluster verbs: `pm silo`, `pm cluster-run` and `pm intraday`. Their work lives in the *Command classes.</summary>
internal static class ClusterVerbs
{
    public static Command Silo()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Cluster config JSON, e.g. cluster-config/local.json (default: one localhost silo, memory storage); PortfolioMargin__Cluster__* environment variables override it (docs/cluster.md)." };
        var instance = new Option<int>("--instance") { Description = "Which silo of the config this is (0 is the primary); every port is offset by it.", DefaultValueFactory = _ => 0 };
        var command = new Command("silo", "Start a silo of the Orleans risk cluster, with the Orleans dashboard on 127.0.0.1.") { config, instance };
        command.SetAction((parse, cancellation) => SiloCommand.ExecuteAsync(parse.GetValue(config)?.FullName, parse.GetValue(instance), cancellation));
        return command;
    }

    public static Command ClusterRun()
    {
        var options = new BookOptions();
        var runId = new Option<string?>("--run-id") { Description = "Run id (default: eod-<time>); submitting an id again returns that run." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Results folder, under the cluster's results root (outputFolder) on the silo hosting the run; a relative one goes under the root (default: <outputFolder>/<run-id>)." };
        var json = new Option<bool>("--json") { Description = "Print the account results as JSON on stdout." };
        var scenarios = CommandLine.ScenariosOption();
        var command = new Command("cluster-run", "End-of-day margin run through the Orleans cluster (or an embedded silo without --cluster).") { runId, output, json, scenarios };
        options.AddTo(command);
        options.RefusePathsWith(command, scenarios);
        command.SetAction((parse, cancellation) =>
        {
            var request = options.Read(parse);
            return ClusterRunCommand.ExecuteAsync(
                request with { Book = request.Book with { ScenariosPath = InputPath.Of(parse.GetValue(scenarios)) } },
                parse.GetValue(runId), parse.GetValue(output)?.ToString(), parse.GetValue(json), Console.Out, Console.Error, cancellation);
        });
        return command;
    }

    public static Command Intraday()
    {
        var options = new BookOptions();
        var update = new Option<FileInfo>("--market-update") { Description = "Market update JSON: {\"id\", \"asOf\", \"underlyings\": [{\"id\", \"spot\", \"atmVol\"}]}.", Required = true };
        var latency = new Option<int>("--latency") { Description = "Then time N one-account recalculations and N moves of every underlying, and print p50/p99." };
        var command = new Command("intraday", "Apply an intraday market move and print the accounts whose status changed. Without --cluster, an embedded silo first runs end-of-day over the book.") { update, latency };
        options.AddTo(command);
        command.SetAction((parse, cancellation) => IntradayCommand.ExecuteAsync(
            options.Read(parse), parse.GetValue(update)!.FullName, Console.Out, Console.Error, cancellation, parse.GetValue(latency)));
        return command;
    }

    /// <summary>Options shared by the client verbs: where the cluster is, and the book an embedded silo runs.</summary>
    private sealed class BookOptions
    {
        private readonly Option<FileInfo?> _cluster = new("--cluster") { Description = "Cluster config JSON of a running cluster (default: an embedded silo in this process)." };
        private readonly Option<FileInfo?> _market = new("--market") { Description = "Market snapshot JSON. Required once any input file is given; with none, the bundled sample book runs." };
        private readonly Option<FileInfo?> _positions = new("--positions") { Description = "Positions CSV or Parquet. Required once any input file is given." };
        private readonly Option<FileInfo?> _collateral = new("--collateral") { Description = "Collateral CSV (default: no collateral; the sample's only when no input file is given)." };
        private readonly Option<FileInfo?> _config = new("--config") { Description = "Risk config JSON (default: the built-in defaults; the sample's only when no input file is given)." };
        private readonly Option<int?> _paths = new("--paths") { Description = "Monte Carlo paths (overrides the config)." };
        private readonly Option<ulong?> _seed = new("--seed") { Description = "Random seed (overrides the config)." };
        private readonly Option<DeviceKind> _device = new("--device") { Description = "Embedded silo's device: auto, cuda, opencl, cpu or host.", DefaultValueFactory = _ => DeviceKind.Auto };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _cluster, _market, _positions, _collateral, _config, _paths, _seed, _device })
            {
                command.Options.Add(option);
            }
        }

        public void RefusePathsWith(Command command, Option<FileInfo?> scenarios) => CommandLine.RefusePathsWithScenarios(command, _paths, scenarios);

        public ClusterRequest Read(ParseResult parse) => new(
            parse.GetValue(_cluster)?.FullName,
            new RunRequest(
                InputPath.Of(parse.GetValue(_market)), InputPath.Of(parse.GetValue(_positions)), InputPath.Of(parse.GetValue(_collateral)),
                InputPath.Of(parse.GetValue(_config)), null, parse.GetValue(_device), parse.GetValue(_paths), parse.GetValue(_seed), false,
                Environment.GetCommandLineArgs()));
    }
}

/// <summary>A client verb's request: the cluster config (null: embedded silo) and the book, as `pm run` takes it.</summary>
internal sealed record ClusterRequest(string? ClusterConfigPath, RunRequest Book);
