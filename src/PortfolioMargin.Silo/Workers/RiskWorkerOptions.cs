using PortfolioMargin.Engine;

namespace PortfolioMargin.Silo.Workers;

/// <summary>How a silo's risk worker uses its accelerator: which device, and how it micro-batches accounts.</summary>
public sealed record RiskWorkerOptions
{
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>At most this many accounts go into one engine call.</summary>
    public int MaxBatchAccounts { get; init; } = 4096;

    /// <summary>
    /// The longest the first queued account waits for others before its batch is priced, however steadily they
    /// keep arriving: bounds the latency a batch adds.
    /// </summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A batch also closes once no account has arrived for this long. Accounts that come together (a run's fan-out,
    /// the holders of a moved underlying) arrive microseconds apart, so a short gap ends the batch as soon as they
    /// are in, and a lone intraday recompute waits this long rather than <see cref="MaxBatchWait"/>.
    /// </summary>
    public TimeSpan MaxBatchIdle { get; init; } = TimeSpan.FromMilliseconds(5);

    public EngineOptions Engine { get; init; } = new();
}
