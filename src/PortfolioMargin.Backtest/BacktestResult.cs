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
    Core.Runs.StageTimings Timings)
{
    /// <summary>The stressed period (Art. 28(1)(b)) on the last date, first and last date of its returns; null when no model weighs it.</summary>
    public (DateOnly First, DateOnly Last)? StressedPeriod { get; init; }
}

/// <summary>Engine calls (one per date and model, and one per date for each of the stressed and ten-year sets a tool needs), scenarios priced in all, contracts rolled.</summary>
public sealed record BacktestWork(int EngineCalls, long Scenarios, int Rolls, int Dates, string Device);

