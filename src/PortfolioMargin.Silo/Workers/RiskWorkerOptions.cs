using PortfolioMargin.Engine;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Silo.Workers;

/// <summary>How a silo's risk worker uses its accelerator: which device, and how it micro-batches accounts.</summary>
public sealed record RiskWorkerOptions
{
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>At most this many accounts go into one engine call.</summary>
    public int MaxBatchAccounts { get; init; } = 4096;

    /// <summary>
    /// How long the first queued account waits for others before its batch is priced: a few milliseconds buys a
    /// full GPU launch when many accounts arrive together and costs a lone intraday recompute almost nothing.
    /// </summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(10);

    public EngineOptions Engine { get; init; } = new();
}
