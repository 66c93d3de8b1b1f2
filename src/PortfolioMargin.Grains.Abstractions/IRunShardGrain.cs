using Orleans.Concurrency;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// One shard of an end-of-day run (key: "RUN#K/N"). <see cref="Start"/> returns at once and the engine call runs
/// on the shard's silo; the run grain polls with <see cref="Poll"/>, so no call has to outlast Orleans' response
/// timeout however long the shard takes. A shard whose silo went away answers <see cref="ShardPhase.Unknown"/>
/// from its new activation, and the run grain starts it again there.
/// </summary>
[Alias("PortfolioMargin.Grains.IRunShardGrain")]
public interface IRunShardGrain : IGrainWithStringKey
{
    /// <summary>Starts the job unless this activation already runs or ran it; returns the shard's status.</summary>
    Task<ShardStatus> Start(ShardJob job);

    /// <summary>Returns once the shard completes or fails, or after <paramref name="maxWait"/>.</summary>
    [AlwaysInterleave]
    Task<ShardStatus> Poll(TimeSpan maxWait);

    /// <summary>Stops the engine call if it still runs (it checks between path chunks) and drops the job and results.</summary>
    [AlwaysInterleave]
    Task Release();
}
