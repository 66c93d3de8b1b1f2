namespace PortfolioMargin.Core.Backtesting;

/// <summary>One rolling traffic-light window: days StartIndex … EndIndex (inclusive), its exceptions and zone.</summary>
public readonly record struct TrafficLightWindow(int StartIndex, int EndIndex, int Exceptions, TrafficLightZone Zone);
