namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// The silo's risk worker: always activated on the caller's silo, it hands jobs to the silo's accelerator, which
/// prices the jobs queued together in one engine call (batch size and wait bounded by config).
/// </summary>
[Alias("PortfolioMargin.Grains.IRiskWorkerGrain")]
public interface IRiskWorkerGrain : IGrainWithIntegerKey
{
    Task<AccountResult> Compute(MarginJob job);
}
