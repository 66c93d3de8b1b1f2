using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine.Backends;

/// <summary>
/// Where the Monte Carlo and stress stages of an account batch run: the ILGPU kernels on an accelerator
/// (PortfolioMargin.Kernels), or plain multi-threaded vectorized C# on the host. Both evaluate the same formulas in
/// the same order under one driver (<see cref="MonteCarloDriver"/>), so they agree bit for bit on the CPU (tested);
/// the engine keeps the faster one.
/// </summary>
public interface IRiskBackend : IDisposable
{
    /// <summary>Backend and device, for run records.</summary>
    string Description { get; }

    /// <summary>Memory the backend's working buffers live in, bytes; the engine plans for at most half.</summary>
    long MemoryBytes { get; }

    /// <summary>
    /// Bytes of accelerator memory held at once at most since the backend was opened; 0 for the host backend, whose
    /// working arrays are host memory and count in the process's peak working set.
    /// </summary>
    long PeakDeviceBytes { get; }

    /// <summary>
    /// Paths per chunk this backend runs best with for a batch of so many distinct instruments, or null for as many
    /// as memory allows. On a CPU the instrument tile of a chunk should stay in cache while every account reads it.
    /// </summary>
    int? PreferredChunkPaths(int instruments);

    /// <summary>
    /// Allocates one account batch's working buffers (and uploads the batch, on an accelerator) for paths in chunks
    /// of at most <paramref name="chunkPaths"/>; <see cref="MonteCarloDriver"/> runs the stages over them.
    /// </summary>
    IBatchStages Begin(MarketSnapshot market, RiskConfig config, BookLayout layout, int chunkPaths);
}

/// <summary>
/// One batch's tails and stress outcomes in the layout's account order, each layout entry's attribution (null
/// when it was not asked for), each account's loss quantiles when asked for, and the path chunks it took.
/// </summary>
internal sealed record BatchOutcome(
    IReadOnlyList<AccountTail> Tails, IReadOnlyList<StressOutcome> Stress, Core.Portfolio.PositionAttribution[]? Attribution, int PathChunks,
    LossQuantiles[]? LossQuantiles = null);
