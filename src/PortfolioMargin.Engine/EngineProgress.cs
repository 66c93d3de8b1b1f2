namespace PortfolioMargin.Engine;

/// <summary>
/// How far a run has got, for progress displays. <paramref name="Stage"/> names what the engine is doing
/// (<see cref="EngineStages"/>); <paramref name="Done"/> is the share of the run's work done, 0 to 1, where the
/// engine weighed its stages (<see cref="ProgressMeter"/>); without it, the share of account-paths simulated.
/// </summary>
public readonly record struct EngineProgress(
    int AccountsDone, int AccountsTotal, long PathsSimulated, TimeSpan Elapsed, long PathsTotal = 0, string Stage = EngineStages.Paths, double? Done = null)
{
    /// <summary>Share of the run done, 0 to 1.</summary>
    public double Fraction => Done ?? (PathsTotal > 0 ? (double)PathsSimulated / PathsTotal : AccountsTotal > 0 ? (double)AccountsDone / AccountsTotal : 1.0);
}

/// <summary>The stages a progress line names.</summary>
public static class EngineStages
{
    public const string Paths = "simulating paths";

    public const string Attribution = "attributing ES to positions";

    public const string StrategyRules = "strategy-based rules";

    public const string Done = "done";
}
