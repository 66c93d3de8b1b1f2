using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Engine;

/// <summary>
/// One account's margin: tail risk over the horizon, the stress grid's worst case, the requirement, and Greeks in
/// currency (delta × spot, gamma × spot²/100, vega per vol point, theta per calendar day) so underlyings add up.
/// </summary>
public sealed record AccountMargin(
    string Account,
    double ValueAtRisk,
    double ExpectedShortfall,
    double ExpectedShortfallStdError,
    double StressLoss,
    double WorstPriceMove,
    double WorstVolMove,
    double MinimumCharge,
    double InitialMargin,
    double MaintenanceMargin,
    double CollateralValue,
    double NetLiquidationValue,
    double Equity,
    double Excess,
    AccountStatus Status,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double? WorstPointValueAtRisk = null,
    double? WorstPointExpectedShortfall = null);

/// <summary>
/// One position at t = 0: model value (quantity × multiplier × unit value) and Greeks times quantity × multiplier —
/// delta and gamma in units of the underlying, vega per vol point (0.01), theta per calendar day.
/// </summary>
public sealed record PositionRisk(
    Position Position,
    double UnitValue,
    double MarketValue,
    double Delta,
    double Gamma,
    double Vega,
    double Theta);

/// <summary>Wall time per stage, in milliseconds.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, double> _milliseconds = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Milliseconds => _milliseconds;

    public void Add(string stage, TimeSpan elapsed) =>
        _milliseconds[stage] = (_milliseconds.TryGetValue(stage, out var ms) ? ms : 0.0) + elapsed.TotalMilliseconds;
}

/// <summary>Everything one run produced, in account order and positions-file order, and the work it took.</summary>
public sealed record MarginRunResult(
    IReadOnlyList<AccountMargin> Accounts,
    IReadOnlyList<PositionRisk> Positions,
    string Device,
    StageTimings Timings,
    EngineWork Work)
{
    public int AccountBatches => Work.AccountBatches;

    public int PathChunks => Work.PathChunks;
}

/// <summary>
/// The work of one or more engine calls, counted rather than timed so a regression shows without a stopwatch.
/// <paramref name="InstrumentRevaluations"/> counts Monte Carlo revaluations: distinct instruments of each
/// account batch × paths × scenario dates (sub-steps), summed over batches and calls.
/// </summary>
public readonly record struct EngineWork(int EngineCalls, int AccountBatches, int PathChunks, long InstrumentRevaluations)
{
    public static EngineWork operator +(EngineWork a, EngineWork b) => new(
        a.EngineCalls + b.EngineCalls, a.AccountBatches + b.AccountBatches, a.PathChunks + b.PathChunks, a.InstrumentRevaluations + b.InstrumentRevaluations);
}

/// <summary>How far a run has got, for progress displays.</summary>
public readonly record struct EngineProgress(int AccountsDone, int AccountsTotal, long PathsSimulated, TimeSpan Elapsed, long PathsTotal = 0)
{
    /// <summary>Share of all account-paths done, 0 to 1.</summary>
    public double Fraction => PathsTotal > 0 ? (double)PathsSimulated / PathsTotal : AccountsTotal > 0 ? (double)AccountsDone / AccountsTotal : 1.0;
}
