using Orleans.Concurrency;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>Margin calls and liquidations (key: <see cref="MarketDataKeys.Events"/>), kept in events.parquet.</summary>
[Alias("PortfolioMargin.Grains.IMarginEventLogGrain")]
public interface IMarginEventLogGrain : IGrainWithStringKey
{
    Task Append(StatusChange[] events);

    [AlwaysInterleave]
    Task<StatusChange[]> GetEvents();
}
