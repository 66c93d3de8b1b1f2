using PortfolioMargin.Engine;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// One CPU accelerator for every silo of every test cluster in this process: compiling the kernels is the slow
/// part, and silos in one process would otherwise compile them once each. Its lock keeps engine calls one at a time.
/// </summary>
public static class TestAccelerator
{
    public static SiloAccelerator Shared { get; } = new(new RiskWorkerOptions { Device = DeviceKind.Cpu });
}
