using ILGPU.Runtime;
using PortfolioMargin.Engine.Host;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>Opens the backend a <see cref="DeviceKind"/> asks for.</summary>
public static class RiskBackends
{
    public static IRiskBackend Open(DeviceKind kind)
    {
        if (kind == DeviceKind.Host)
        {
            return new HostBackend();
        }

        var accelerator = RiskAccelerator.Open(kind);
        if (kind == DeviceKind.Auto && accelerator.Type == AcceleratorType.CPU)
        {
            // No GPU: the host backend is the faster of the two CPU backends (benchmarks/RESULTS.md).
            accelerator.Dispose();
            return new HostBackend();
        }

        return new IlgpuBackend(accelerator, ownsAccelerator: true);
    }
}
