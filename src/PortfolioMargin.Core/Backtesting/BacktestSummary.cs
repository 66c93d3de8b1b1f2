namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// One model and portfolio over the backtest. Coverage uses non-overlapping horizons (every h-th date from the
/// first) so that exceptions are independent under the model: <see cref="Observations"/> counts those.
/// VaR exceedances are tested against p = 1 − confidence (Kupiec, Christoffersen, Basel traffic light per 250
/// observations and overall); the requirement's coverage ratio has its Clopper–Pearson interval and the ES its
/// Acerbi–Szekely Z2 (p-value simulated under the model's own scenarios, over the observations where the ES
/// is positive: <see cref="EsTestObservations"/>), because a loss above an ES is rarer
/// than a VaR exceedance by an amount that depends on the tail. Procyclicality is over every date's requirement.
/// </summary>
public sealed record BacktestSummary(
    MarginModelSpec Model,
    string Portfolio,
    DateOnly FirstDate,
    DateOnly LastDate,
    int Dates,
    int Observations,
    int VarExceedances,
    double ExpectedVarExceedances,
    LikelihoodRatioTest Kupiec,
    LikelihoodRatioTest ChristoffersenIndependence,
    LikelihoodRatioTest ChristoffersenConditionalCoverage,
    TrafficLightZone TrafficLight,
    int TrafficLightWindows,
    int YellowWindows,
    int RedWindows,
    MarginCoverage Coverage,
    ExpectedShortfallBacktest EsTest,
    int EsTestObservations,
    PeakToTrough PeakToTrough,
    IReadOnlyList<RequirementIncrease> Increases);
