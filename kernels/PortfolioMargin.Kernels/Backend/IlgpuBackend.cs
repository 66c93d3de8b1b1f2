using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Engine.Host;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Kernels;

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

    public IBatchStages Begin(MarketSnapshot market, RiskConfig config, BookLayout layout, int chunkPaths) =>
        new IlgpuBatch(Accelerator, _meter, market, config, layout, chunkPaths);

    public void Dispose()
    {
        _meter.Dispose();
        if (ownsAccelerator)
        {
            Accelerator.Dispose();
        }
    }
}
