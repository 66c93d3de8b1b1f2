namespace PortfolioMargin.Core.Runs;

/// <summary>
/// The work of one or more engine calls, counted rather than timed so a regression shows without a stopwatch.
/// <paramref name="InstrumentRevaluations"/> counts Monte Carlo revaluations: distinct instruments of each
/// account batch × paths × scenario dates (sub-steps), summed over batches and calls;
/// <paramref name="AttributionRevaluations"/> the position-path revaluations of the ES attribution (its tail paths
/// and the candidates its bound let through), which depend on the accounts alone, not on how they were batched;
/// <paramref name="SimulatedUnderlyings"/> the size of the factor model (the underlyings simulated, the dimension of
/// the correlation factorized): those the book and collateral reference, not the whole snapshot (the largest of the calls').
/// </summary>
public readonly record struct EngineWork(int EngineCalls, int AccountBatches, int PathChunks, long InstrumentRevaluations, long AttributionRevaluations = 0, int SimulatedUnderlyings = 0)
{
    public static EngineWork operator +(EngineWork a, EngineWork b) => new(
        a.EngineCalls + b.EngineCalls, a.AccountBatches + b.AccountBatches, a.PathChunks + b.PathChunks, a.InstrumentRevaluations + b.InstrumentRevaluations,
        a.AttributionRevaluations + b.AttributionRevaluations, Math.Max(a.SimulatedUnderlyings, b.SimulatedUnderlyings));
}
