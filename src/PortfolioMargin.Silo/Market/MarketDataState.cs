using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Market;

[GenerateSerializer]
public sealed class MarketDataState
{
    [Id(0)] public MarketState? Current { get; set; }

    [Id(1)] public long Version { get; set; }
}
