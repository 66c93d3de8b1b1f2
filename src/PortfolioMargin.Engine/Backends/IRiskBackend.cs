using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Backends;

/// <summary>
/// Where the Monte Carlo and stress stages of an account batch run: the ILGPU kernels on an accelerator, or plain
/// multi-threaded vectorized C# on the host. Both evaluate the same formulas in the same order, so they agree bit
/// for bit on the CPU (tested); the engine keeps the faster one.
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

    /// <param name="pathsDone">Called after each path chunk with the paths of the batch simulated so far.</param>
    BatchOutcome RunBatch(MarketSnapshot market, RiskConfig config, BookLayout layout, BatchPlan plan, StageTimings timings, Action<int>? pathsDone = null);
}

/// <summary>One batch's tails and stress outcomes in the layout's account order, and the path chunks it took.</summary>
public sealed record BatchOutcome(IReadOnlyList<AccountTail> Tails, IReadOnlyList<StressOutcome> Stress, int PathChunks);
