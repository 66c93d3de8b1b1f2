using Orleans.Concurrency;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>The current market (key: <see cref="MarketDataKeys.Current"/>) and intraday updates to it.</summary>
[Alias("PortfolioMargin.Grains.IMarketDataGrain")]
public interface IMarketDataGrain : IGrainWithStringKey
{
    /// <summary>The current snapshot, or null before the first end-of-day run or publish.</summary>
    [AlwaysInterleave]
    Task<MarketState?> GetSnapshot();

    /// <summary>Makes a snapshot current (an end-of-day run does this with its own market).</summary>
    Task<MarketState> Publish(MarketState scenario);

    /// <summary>Applies a move, recomputes exactly the accounts holding a moved underlying, and logs margin events.</summary>
    Task<IntradayOutcome> ApplyUpdate(MarketUpdate update);
}
