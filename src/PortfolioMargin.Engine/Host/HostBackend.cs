using System.Diagnostics;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Backends;

namespace PortfolioMargin.Engine.Host;

/// <summary>
/// Plain multi-threaded, vectorized C# on the host: the CPU backend when it measures faster than ILGPU's CPU
/// accelerator (benchmarks/RESULTS.md), and bit-for-bit equal to it (tests).
/// </summary>
public sealed class HostBackend : IRiskBackend
{
    public string Description => $"host: {Environment.ProcessorCount} threads, {System.Numerics.Vector<double>.Count}-wide SIMD";

    /// <summary>
    /// Paths per chunk such that the instrument tile is about 8 MB, between 128 and 4,096 paths: small enough to stay
    /// in a server's last-level cache while every account folds its rows (aggregation 2.5× faster on the M book
    /// than whole-run tiles), large enough that a small book's tasks are not all scheduling overhead.
    /// </summary>
    public static int CacheFriendlyChunkPaths(int instruments)
    {
        const long TileBytes = 8L << 20;
        var paths = TileBytes / (sizeof(double) * Math.Max(1L, instruments));
        return (int)Math.Clamp(paths / 8 * 8, 128, 4096);
    }

    public long MemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>None: the working arrays are host memory, counted in the process's peak working set.</summary>
    public long PeakDeviceBytes => 0;

    public int? PreferredChunkPaths(int instruments) => CacheFriendlyChunkPaths(instruments);

    public BatchOutcome RunBatch(MarketSnapshot market, RiskConfig config, BookLayout layout, BatchPlan plan, StageTimings timings, Action<int>? pathsDone = null)
    {
        var accounts = layout.Accounts.Count;
        var paths = config.Paths;
        var steps = config.Steps;
        var n = market.Underlyings.Count;
        var chunkPaths = plan.PathsPerChunk(layout.InstrumentCount, CacheFriendlyChunkPaths(layout.InstrumentCount));
        var stepYears = config.HorizonYears / steps;
        var cholesky = CorrelationFactor.CholeskyRowMajor(market.Correlation);

        var stage = Stopwatch.StartNew();
        var accountPnl = new double[(long)accounts * paths];
        var worst = steps > 1 ? new double[(long)accounts * paths] : null;
        var spot = new double[(long)steps * n * chunkPaths];
        var vol = new double[(long)steps * n * chunkPaths];
        var tile = new double[Math.Max(1L, (long)layout.InstrumentCount * chunkPaths)];
        var logSpot = new double[(long)n * chunkPaths];
        timings.Add("allocation", stage.Elapsed);

        var pricing = Enumerable.Range(1, steps).Select(step => layout.PricingAt(market, step * stepYears)).ToArray();
        var chunks = 0;
        for (var firstPath = 0; firstPath < paths; firstPath += chunkPaths)
        {
            var chunk = Math.Min(chunkPaths, paths - firstPath);
            chunks++;
            stage.Restart();
            HostStages.SimulateFactors(spot, vol, market, cholesky, config, firstPath, chunk);
            timings.Add("scenarios", stage.Elapsed);
            for (var step = 0; step < steps; step++)
            {
                stage.Restart();
                var slice = step * n * chunk;
                HostStages.RevalueInstruments(tile, logSpot, layout, pricing[step], n,
                    spot.AsMemory(slice, n * chunk), vol.AsMemory(slice, n * chunk), chunk);
                timings.Add("revaluation", stage.Elapsed);

                stage.Restart();
                HostStages.AggregateAccounts(accountPnl, worst, tile, layout, chunk, paths, firstPath,
                    steps == 1 ? 0 : step == 0 ? 2 : 1);
                timings.Add("aggregation", stage.Elapsed);
            }

            pathsDone?.Invoke(firstPath + chunk);
        }

        stage.Restart();
        var ranks = TailRanks.For(paths, config.Confidence);
        var terminal = HostStages.ReduceTail(accountPnl, accounts, ranks, config.Confidence, lossSign: -1.0);
        var worstPoint = worst is null ? null : HostStages.ReduceTail(worst, accounts, ranks, config.Confidence, lossSign: 1.0);
        timings.Add("tail", stage.Elapsed);

        stage.Restart();
        var grid = StressScenarios.Build(market, config);
        var stressTile = new double[Math.Max(1, layout.InstrumentCount * grid.Count)];
        var stressPnl = new double[Math.Max(1, accounts * grid.Count)];
        HostStages.RevalueInstruments(stressTile, new double[grid.Spot.Length], layout, layout.PricingAt(market, 0.0), n, grid.Spot, grid.AtmVol, grid.Count);
        HostStages.AggregateAccounts(stressPnl, null, stressTile, layout, grid.Count, grid.Count, 0, 0);
        var stress = grid.Worst(stressPnl, accounts);
        timings.Add("stress", stage.Elapsed);

        var tails = new AccountTail[accounts];
        for (var a = 0; a < accounts; a++)
        {
            tails[a] = new AccountTail(terminal[a], worstPoint?[a]);
        }

        return new BatchOutcome(tails, stress, chunks);
    }

    public void Dispose()
    {
    }
}
