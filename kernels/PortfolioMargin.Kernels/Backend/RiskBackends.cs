using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Kernels;

/// <summary>Opens the backend a <see cref="DeviceKind"/> asks for.</summary>
public static class RiskBackends
{
    public static IRiskBackend Open(DeviceKind kind)
    {
        if (kind == DeviceKind.Host)
        {
            return new HostBackend();
        }

        if (kind == DeviceKind.Auto)
        {
            // No GPU: the host backend is the faster of the two CPU backends (benchmarks/RESULTS.md).
            return RiskAccelerator.OpenGpu() is { } gpu ? new IlgpuBackend(gpu, ownsAccelerator: true) : new HostBackend();
        }

        return new IlgpuBackend(RiskAccelerator.Open(kind), ownsAccelerator: true);
    }
}
