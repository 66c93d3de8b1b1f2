namespace PortfolioMargin.Core.Backtesting;

/// <summary>The peak-to-trough ratio (max/min over the period) with where the peak and the trough fall.</summary>
public readonly record struct PeakToTrough(double Ratio, int PeakIndex, double Peak, int TroughIndex, double Trough);
