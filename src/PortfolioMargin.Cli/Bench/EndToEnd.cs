using System.Diagnostics;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Bench;

/// <summary>One timed end-to-end run: inputs parsed, engine run, the Parquet tables written (to a scratch folder).</summary>
internal sealed record EndToEnd(MarginInputs Inputs, MarginRunResult Result, double WallSeconds, int Instruments, long WorkingBytes)
{
    public static EndToEnd Measure(IRiskBackend backend, string book, string configPath, int? paths)
    {
        var clock = Stopwatch.StartNew();
        var inputs = InputLoader.Load(
            Path.Combine(book, "market.json"), Path.Combine(book, "positions.csv"), Path.Combine(book, "collateral.csv"),
            File.Exists(configPath) ? configPath : null);
        if (paths is { } count)
        {
            inputs = inputs with { Config = inputs.Config with { Paths = count } };
        }

        var loaded = clock.Elapsed;
        var scratch = Directory.CreateTempSubdirectory("pm-bench-");
        try
        {
            // As `pm run` does: the three tables are written together once the engine is done.
            var tables = new ResultTables(name => Path.Combine(scratch.FullName, name));
            var result = new MarginEngine(backend).Run(inputs);
            result.Timings.Add("inputs", loaded);
            result.Timings.Add("parquet", tables.FinishAsync("bench", inputs.Market, result.Accounts, result.Positions, result.Strategies).GetAwaiter().GetResult());
            return Finish(inputs, result, clock.Elapsed.TotalSeconds, backend);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static EndToEnd Finish(MarginInputs inputs, MarginRunResult result, double wall, IRiskBackend backend)
    {
        var instruments = inputs.Positions
            .Select(p => (p.Type, p.Underlying, p.Strike, p.Expiry, p.Right))
            .Distinct().Count();
        var plan = BatchPlan.For(result.Accounts.Count, inputs.Config, inputs.Market.Underlyings.Count, new EngineOptions());
        var chunk = plan.PathsPerChunk(instruments, backend.PreferredChunkPaths(instruments));
        var working = sizeof(double) * ((long)plan.AccountsPerBatch * inputs.Config.Paths * plan.RowsPerAccount
                                        + (long)instruments * chunk + 2L * inputs.Config.Steps * inputs.Market.Underlyings.Count * chunk);
        return new EndToEnd(inputs, result, wall, instruments, working);
    }
}
