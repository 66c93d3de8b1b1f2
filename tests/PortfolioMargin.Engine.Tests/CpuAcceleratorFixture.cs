using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Tests;

/// <summary>One CPU accelerator with compiled kernels, shared by the engine tests (compiling is the slow part).</summary>
public sealed class CpuAcceleratorFixture : IDisposable
{
    public RiskAccelerator Accelerator { get; } = RiskAccelerator.Open(DeviceKind.Cpu);

    public MarginEngine Engine(EngineOptions? options = null) => new(new IlgpuBackend(Accelerator), options);

    public void Dispose() => Accelerator.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CpuAcceleratorCollection : ICollectionFixture<CpuAcceleratorFixture>
{
    public const string Name = "cpu accelerator";
}
