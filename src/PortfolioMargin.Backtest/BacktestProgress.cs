namespace PortfolioMargin.Backtest;

/// <summary>Dates priced so far (every model of a date counts once the last is done) out of the dates to price.</summary>
public readonly record struct BacktestProgress(int DatesDone, int Dates, TimeSpan Elapsed);
