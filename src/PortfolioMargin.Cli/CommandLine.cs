using System.CommandLine;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Cli;

/// <summary>The `pm` command tree. Parsing is System.CommandLine's; each verb's work lives in its own class.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PortfolioMargin.Gpu: portfolio margin (Monte Carlo VaR/ES, stress grid, Greeks) on ILGPU.");
        root.Subcommands.Add(RunVerb());
        return root;
    }

    private static Command RunVerb()
    {
        var market = new Option<FileInfo?>("--market") { Description = "Market snapshot JSON (default: the bundled sample)." };
        var positions = new Option<FileInfo?>("--positions") { Description = "Positions CSV or Parquet (default: the bundled sample)." };
        var collateral = new Option<FileInfo?>("--collateral") { Description = "Collateral CSV (default: the bundled sample)." };
        var config = new Option<FileInfo?>("--config") { Description = "Risk config JSON (default: the bundled sample's)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the results (default: runs/<run-id>); must not exist or be empty." };
        var device = new Option<DeviceKind>("--device") { Description = "auto (CUDA, then OpenCL, then the faster CPU backend), cuda, opencl, cpu (ILGPU CPU accelerator) or host (plain multi-threaded C#).", DefaultValueFactory = _ => DeviceKind.Auto };
        var paths = new Option<int?>("--paths") { Description = "Monte Carlo paths (overrides the config)." };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (overrides the config)." };
        var json = new Option<bool>("--json") { Description = "Print the account results as JSON on stdout; everything else goes to stderr." };

        var command = new Command("run", "Run a margin calculation over a book and write accounts.parquet, positions.parquet and run.json.")
        {
            market, positions, collateral, config, output, device, paths, seed, json,
        };
        command.SetAction(parse => RunCommand.Execute(new RunRequest(
            parse.GetValue(market)?.FullName,
            parse.GetValue(positions)?.FullName,
            parse.GetValue(collateral)?.FullName,
            parse.GetValue(config)?.FullName,
            parse.GetValue(output)?.FullName,
            parse.GetValue(device),
            parse.GetValue(paths),
            parse.GetValue(seed),
            parse.GetValue(json),
            Environment.GetCommandLineArgs())));
        return command;
    }
}
