using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Backtest;

/// <summary>
/// Every row of a backtest in (model, portfolio, date) order, one summary per model and portfolio, and the work
/// it took, with the wall time of each stage summed over dates (the engine's own stages as "engine-stage-…").
/// </summary>
public sealed record BacktestResult(
    IReadOnlyList<BacktestRow> Rows,
    IReadOnlyList<BacktestSummary> Summaries,
    BacktestWork Work,
    Core.Runs.StageTimings Timings);

/// <summary>Engine calls (one per date and model), scenarios priced in all, contracts rolled.</summary>
public sealed record BacktestWork(int EngineCalls, long Scenarios, int Rolls, int Dates, string Device);

