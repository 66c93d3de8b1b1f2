namespace PortfolioMargin.Core.Backtesting;

/// <summary>One generated close: the spot and the one-month ATM implied vol (annualised) of an underlying on a date.</summary>
public readonly record struct MarketHistoryRow(DateOnly Date, string Underlying, double Spot, double AtmVol);
