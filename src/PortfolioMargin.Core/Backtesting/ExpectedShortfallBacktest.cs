namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// An Acerbi–Szekely Z2 result: the observed statistic, the one-sided simulated p-value (share of simulated
/// Z2 ≥ observed; 0 means below 1/M), and the mean and standard deviation of the M simulated Z2.
/// </summary>
public readonly record struct ExpectedShortfallBacktest(double Z2, double PValue, double SimulatedMean, double SimulatedStdDev, int Simulations)
{
    public bool RejectedAt(double significance) => PValue < significance;
}
