using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Engine.MonteCarlo;

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

    public IBatchStages Begin(MarketSnapshot market, RiskConfig config, BookLayout layout, int chunkPaths) =>
        new HostBatch(market, config, layout, chunkPaths);

    public void Dispose()
    {
    }
}
