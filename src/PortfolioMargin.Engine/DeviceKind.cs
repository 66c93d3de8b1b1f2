namespace PortfolioMargin.Engine;

/// <summary>
/// Where the risk stages run. Auto tries CUDA, then OpenCL, then the faster CPU backend (Host, measured in
/// benchmarks/RESULTS.md). Cpu is ILGPU's CPU accelerator running the same kernels a GPU runs.
/// </summary>
public enum DeviceKind
{
    Auto,
    Cuda,
    OpenCL,
    Cpu,

    /// <summary>Plain multi-threaded, vectorized C# (no ILGPU), bit-for-bit equal to the CPU accelerator.</summary>
    Host,
}
