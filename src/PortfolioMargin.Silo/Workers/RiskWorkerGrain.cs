using Orleans.Concurrency;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Workers;

/// <summary>
/// Stateless and local to the caller's silo; reentrant so that every account waiting on this silo sits in the
/// batcher's queue at once, which is what lets one engine call take many accounts.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class RiskWorkerGrain(MarginBatcher batcher) : Grain, IRiskWorkerGrain
{
    public Task<AccountResult> Compute(MarginJob job) => batcher.Enqueue(job);
}
