using Orleans.Concurrency;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>An end-of-day run (key: the run id). Submitting the same request again returns the same run.</summary>
[Alias("PortfolioMargin.Grains.IMarginRunGrain")]
public interface IMarginRunGrain : IGrainWithStringKey
{
    Task<MarginRunStatus> Submit(MarginRunRequest request);

    [AlwaysInterleave]
    Task<MarginRunStatus> GetStatus();

    /// <summary>Returns when the run completes or after <paramref name="maxWait"/>, whichever is first.</summary>
    [AlwaysInterleave]
    Task<MarginRunStatus> WaitForCompletion(TimeSpan maxWait);

    /// <summary>
    /// The results of a completed run, in account order, while the activation that ran it holds them (afterwards
    /// they are in the run's accounts.parquet; a <see cref="MarginRequestException"/> says where).
    /// </summary>
    [AlwaysInterleave]
    Task<AccountMargin[]> GetResults();

    /// <summary>
    /// The position risks of a completed run, in the book's file order, with their share of the ES and stress loss,
    /// while the activation that ran it holds them (afterwards they are in the run's positions.parquet).
    /// </summary>
    [AlwaysInterleave]
    Task<PositionRisk[]> GetPositions();

    /// <summary>Stops a running run: its shards stop between path chunks and nothing is written.</summary>
    [AlwaysInterleave]
    Task Cancel();
}
