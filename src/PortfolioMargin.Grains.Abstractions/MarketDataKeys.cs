namespace PortfolioMargin.Grains.Abstractions;

public static class MarketDataKeys
{
    public const string Current = "current";
    public const string Events = "events";
}
