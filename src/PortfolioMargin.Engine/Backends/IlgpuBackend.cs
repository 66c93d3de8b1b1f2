using System.Diagnostics;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>The ILGPU kernels: CUDA, OpenCL or ILGPU's CPU accelerator.</summary>
public sealed class IlgpuBackend(RiskAccelerator accelerator, bool ownsAccelerator = false) : IRiskBackend
{
    private readonly DeviceMemoryMeter _meter = new();

    public RiskAccelerator Accelerator { get; } = accelerator;

    public string Description => Accelerator.Description;

    public long MemoryBytes => Accelerator.Accelerator.MemorySize;

    /// <summary>
    /// The engine's own buffers only: ILGPU's compiled kernels and the driver's context are not counted. A backend
    /// shared by concurrent runs reports their combined peak.
    /// </summary>
    public long PeakDeviceBytes => _meter.PeakBytes;

    /// <summary>Device buffers allocated so far; batches and runs after the first reuse theirs.</summary>
    public long BuffersAllocated => _meter.Allocations;

    public int? PreferredChunkPaths(int instruments) =>
        Accelerator.Type == ILGPU.Runtime.AcceleratorType.CPU ? HostBackend.CacheFriendlyChunkPaths(instruments) : null;

    public BatchOutcome RunBatch(MarketSnapshot market, RiskConfig config, BookLayout layout, BatchPlan plan, StageTimings timings, Action<int>? pathsDone = null)
    {
        var stage = Stopwatch.StartNew();
        using var deviceMarket = new DeviceMarket(Accelerator.Accelerator, _meter, market);
        using var book = new DeviceBook(Accelerator.Accelerator, _meter, layout);
        timings.Add("upload", stage.Elapsed);

        var chunks = 0;
        var chunkPaths = plan.PathsPerChunk(layout.InstrumentCount, PreferredChunkPaths(layout.InstrumentCount));
        var tails = MonteCarloTail.Run(Accelerator, _meter, deviceMarket, book, config, chunkPaths, timings, ref chunks, pathsDone);

        stage.Restart();
        var stress = StressGrid.Run(Accelerator, _meter, deviceMarket, book, config);
        timings.Add("stress", stage.Elapsed);
        return new BatchOutcome(tails, stress, chunks);
    }

    public void Dispose()
    {
        _meter.Dispose();
        if (ownsAccelerator)
        {
            Accelerator.Dispose();
        }
    }
}
