namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Margin-adequacy coverage (ESMA backtesting guidelines; BME Clearing-style practice, docs/test-vectors.md §6.1): the
/// share of dates on which the realised loss over the close-out period stayed within the requirement posted
/// at its start. Losses are positive numbers (a gain is a negative loss); a loss equal to the requirement is covered.
/// </summary>
public readonly record struct MarginCoverage(int Observations, int Covered, double CoverageRatio, ProportionInterval Interval)
{
    public int Breaches => Observations - Covered;

    /// <summary>Coverage of <paramref name="losses"/>[t] by <paramref name="requirements"/>[t], with a Clopper–Pearson interval.</summary>
    public static MarginCoverage Compute(ReadOnlySpan<double> losses, ReadOnlySpan<double> requirements, double intervalConfidence = 0.95)
    {
        if (losses.Length != requirements.Length)
        {
            throw new ArgumentException($"{losses.Length} losses but {requirements.Length} requirements.", nameof(requirements));
        }

        if (losses.Length == 0)
        {
            throw new ArgumentException("Coverage needs at least one date.", nameof(losses));
        }

        var covered = 0;
        for (var t = 0; t < losses.Length; t++)
        {
            covered += losses[t] <= requirements[t] ? 1 : 0;
        }

        return new MarginCoverage(
            losses.Length,
            covered,
            (double)covered / losses.Length,
            ClopperPearson.Interval(covered, losses.Length, intervalConfidence));
    }

    /// <summary>The breach flags (loss above requirement) for the POF, Christoffersen and traffic-light tests.</summary>
    public static bool[] Breached(ReadOnlySpan<double> losses, ReadOnlySpan<double> requirements)
    {
        if (losses.Length != requirements.Length)
        {
            throw new ArgumentException($"{losses.Length} losses but {requirements.Length} requirements.", nameof(requirements));
        }

        var flags = new bool[losses.Length];
        for (var t = 0; t < losses.Length; t++)
        {
            flags[t] = losses[t] > requirements[t];
        }

        return flags;
    }
}
