using Orleans.Concurrency;

namespace PortfolioMargin.Grains;

/// <summary>Margin calls and liquidations (key: <see cref="MarketDataKeys.Events"/>), kept in events.parquet.</summary>
public interface IMarginEventLogGrain : IGrainWithStringKey
{
    Task Append(StatusChange[] events);

    [AlwaysInterleave]
    Task<StatusChange[]> GetEvents();
}
