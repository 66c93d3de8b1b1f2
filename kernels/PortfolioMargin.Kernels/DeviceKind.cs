namespace PortfolioMargin.Kernels;

/// <summary>Which accelerator to run on. Auto tries CUDA, then OpenCL, then ILGPU's CPU accelerator.</summary>
public enum DeviceKind
{
    Auto,
    Cuda,
    OpenCL,
    Cpu,
}
