namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// One stretch of a generated market history: <paramref name="Days"/> business days of returns with an annual
/// drift, a GARCH long-run vol the conditional variance mean-reverts to (annualised, before each underlying's
/// VolScale), one pairwise correlation for all underlyings, and a jump of the conditional variance on the
/// regime's first day (1 = none; 9 triples the conditional vol at a crash's onset).
/// </summary>
public sealed record MarketRegime(
    string Name,
    int Days,
    double AnnualDrift,
    double LongRunAnnualVol,
    double Correlation,
    double OnsetVarianceMultiplier = 1.0);
