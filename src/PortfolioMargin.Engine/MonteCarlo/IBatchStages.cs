using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.MonteCarlo;

/// <summary>
/// One account batch's stages on a backend, over working buffers the backend allocated for the batch
/// (<see cref="IRiskBackend.Begin"/>): the host's arrays or an accelerator's device buffers. The order of the
/// calls, the chunking and the timings are <see cref="MonteCarloDriver"/>'s, the same for every backend.
/// </summary>
public interface IBatchStages : IDisposable
{
    /// <summary>Spot and ATM vol of every underlying at every sub-step for the paths [firstPath, firstPath + chunk).</summary>
    void SimulateFactors(int firstPath, int chunk);

    /// <summary>
    /// A given scenario set's spot and ATM vol for a chunk of one step, [u·chunk + p], in place of
    /// <see cref="SimulateFactors"/>: the revaluation then reads them as it reads simulated factors.
    /// </summary>
    void LoadFactors(ReadOnlySpan<double> spot, ReadOnlySpan<double> atmVol, int chunk);

    /// <summary>Unit P&amp;L of every instrument on the chunk's paths at the date of sub-step <paramref name="step"/>.</summary>
    void RevalueInstruments(int step, int chunk);

    /// <summary>
    /// Account P&amp;L of the chunk's paths from the last revaluation, into the batch's rows at column
    /// <paramref name="firstPath"/>; the path-worst loss as <paramref name="worstLoss"/> (a <see cref="WorstLoss"/> mode) says.
    /// </summary>
    void AggregateAccounts(int chunk, int firstPath, int worstLoss);

    /// <summary>
    /// Folds the last revaluation's tile, the horizon date's, into every instrument's lowest and highest unit P&amp;L
    /// over the paths so far (the attribution's bound on which paths a position's removal can bring into the tail).
    /// </summary>
    void TrackInstrumentExtremes(int chunk);

    /// <summary>Every instrument's lowest and highest unit P&amp;L at the horizon over all the run's paths.</summary>
    (double[] Lowest, double[] Highest) InstrumentExtremes();

    /// <summary>One account's horizon P&amp;L on every path of the run, into <paramref name="destination"/>.</summary>
    void ReadHorizonRow(int account, Span<double> destination);

    /// <summary>VaR, ES and the ES standard error of every account, over its horizon P&amp;L or its path-worst loss.</summary>
    TailRisk[] ReduceTail(TailRows rows, TailRanks ranks, double confidence);

    /// <summary>The stress grid's worst point for every account.</summary>
    StressOutcome[] StressGrid(StressScenarios grid);
}

/// <summary>Which rows a tail is taken over.</summary>
public enum TailRows
{
    /// <summary>P&amp;L at the horizon: the loss is its negative.</summary>
    HorizonPnl,

    /// <summary>The worst loss along each path over the sub-steps (kept only when there is more than one).</summary>
    PathWorstLoss,
}

/// <summary>The sign a tail over these rows applies.</summary>
public static class TailRowsSign
{
    /// <summary>−1 turns horizon P&amp;L into loss; path-worst rows already hold losses.</summary>
    public static double LossSign(this TailRows rows) => rows switch
    {
        TailRows.HorizonPnl => -1.0,
        TailRows.PathWorstLoss => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(rows), rows, "not a tail row kind"),
    };
}

/// <summary>
/// What aggregating a sub-step does to the path-worst loss row: the mode both the host stage and the aggregation
/// kernel read (an int, because kernel parameters are plain structs).
/// </summary>
public static class WorstLoss
{
    /// <summary>One sub-step: no path-worst row is kept.</summary>
    public const int Leave = 0;

    /// <summary>A later sub-step: the row becomes max(row, this step's loss).</summary>
    public const int Fold = 1;

    /// <summary>The first of several sub-steps: the row starts at this step's loss.</summary>
    public const int Start = 2;

    public static int ForStep(int steps, int step) => steps == 1 ? Leave : step == 0 ? Start : Fold;

}
