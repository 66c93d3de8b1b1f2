using System.CommandLine;
using PortfolioMargin.Engine;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Cli.Bench;

/// <summary>`pm bench BOOK`, `pm bench generate OUT SIZE` and `pm bench history OUT`. Their work lives in the classes of this folder.</summary>
internal static class BenchVerbs
{
    public static Command Bench()
    {
        var book = new Argument<DirectoryInfo>("book") { Description = "A benchmark book folder (market.json, positions.csv, collateral.csv, config.json), e.g. from `pm bench generate`." };
        var paths = new Option<int?>("--paths") { Description = "Monte Carlo paths (overrides the book's config)." };
        var device = new Option<DeviceKind>("--device") { Description = "As for `pm run`.", DefaultValueFactory = _ => DeviceKind.Auto };
        var noPeer = new Option<bool>("--no-peer") { Description = "Skip the numpy peer." };
        var record = new Option<FileInfo?>("--record") { Description = "Append a result row to this Markdown file (e.g. benchmarks/RESULTS.md)." };
        var warmups = new Option<int>("--warmups") { Description = "Untimed runs first (JIT, kernel compilation).", DefaultValueFactory = _ => 1 };
        var compare = new Option<DeviceKind?>("--compare") { Description = "Also run on this backend and report agreement (e.g. --device cuda --compare host)." };
        var clusterOverhead = new Option<bool>("--cluster-overhead") { Description = "Also run the book through a warm embedded Orleans silo and report the grain layer's overhead." };
        var peak = new Option<double[]?>("--peak")
        {
            Description = "Peak FP32 GFLOP/s, FP64 GFLOP/s and memory GB/s of the device, for roofline floors where the device does not tell (CUDA devices do).",
            Arity = new ArgumentArity(3, 3),
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("bench", "Time an end-to-end run on a benchmark book and compare with the numpy peer on the same book.")
        {
            book, paths, device, noPeer, record, warmups, compare, clusterOverhead, peak,
        };
        command.SetAction(parse => BenchCommand.Execute(
            new BenchRequest(parse.GetValue(book)!.FullName, parse.GetValue(paths), parse.GetValue(device), !parse.GetValue(noPeer), parse.GetValue(record)?.FullName, parse.GetValue(warmups), parse.GetValue(compare), parse.GetValue(clusterOverhead),
                parse.GetValue(peak) is [var fp32, var fp64, var bandwidth] ? new DevicePeak(fp32, fp64, bandwidth, "given with --peak") : null),
            Console.Out, Console.Error));
        command.Subcommands.Add(Generate());
        command.Subcommands.Add(History());
        return command;
    }

    private static Command History()
    {
        var file = new Argument<FileInfo>("out") { Description = "CSV file to write (samples/backtest/history.csv is this with the default seed)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated history.", DefaultValueFactory = _ => Core.Backtesting.MarketHistorySettings.Default().Seed };
        var command = new Command("history", "Write the sample backtest's market history: GARCH(1,1) with fat tails over calm, trend, crash and recovery regimes (docs/backtesting.md §9).") { file, seed };
        command.SetAction(parse => Writing(parse.GetValue(file)!.FullName, "history", path => HistoryGenerator.Write(path, parse.GetValue(seed))));
        return command;
    }

    private static Command Generate()
    {
        var folder = new Argument<DirectoryInfo>("out") { Description = "Folder to write market.json, positions.csv, collateral.csv and config.json into." };
        var size = new Argument<string>("size") { Description = "S (200 accounts × 20 positions, 8 underlyings, 10,000 paths), M (2,000 × 100, 50, 100,000) or L (100,000 × 100, 200, 100,000)." };
        var seed = new Option<ulong>("--seed") { Description = "Draws of the book (not the Monte Carlo seed).", DefaultValueFactory = _ => 11 };
        var command = new Command("generate", "Write a benchmark book of a named size (the books benchmarks/ measures), without Python.") { folder, size, seed };
        command.SetAction(parse =>
        {
            if (BookSize.Named(parse.GetValue(size)!) is not { } named)
            {
                Console.Error.WriteLine($"error: size '{parse.GetValue(size)}' is not one of S, M, L");
                return RunCommand.BadInput;
            }

            return Writing(parse.GetValue(folder)!.FullName, "book", path => BookGenerator.Write(path, named, parse.GetValue(seed)));
        });
        return command;
    }

    /// <summary>
    /// An output that cannot be written is exit 1 (as a run's --out), in one line that says which output: .NET's
    /// own message for a path under /proc is "Could not find file", which reads as if an input were missing.
    /// </summary>
    private static int Writing(string path, string what, Action<string> write)
    {
        try
        {
            write(path);
            return RunCommand.Success;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return VerbErrors.Report(new IOException($"{path}: the {what} cannot be written there: {error.Message}", error), Console.Error);
        }
    }
}
