namespace PortfolioMargin.Core.Risk;

/// <summary>VaR, ES and the standard error of the ES estimate, all in loss terms (loss = −P&amp;L).</summary>
public readonly record struct TailRisk(double ValueAtRisk, double ExpectedShortfall, double ExpectedShortfallStdError)
{
    /// <summary>
    /// Asymptotic standard error of the tail-mean ES estimator (Yamai and Yoshiba 2002; Manistre and Hancock 2005):
    /// Var(ÊS) ≈ [Var(L | L ≥ VaR) + α·(ES − VaR)²] / (N(1 − α)), with N(1 − α) the tail count.
    /// </summary>
    public static double StdError(double confidence, double valueAtRisk, double expectedShortfall, double tailVariance, int tailCount)
    {
        var gap = expectedShortfall - valueAtRisk;
        var variance = (tailVariance + confidence * gap * gap) / tailCount;
        return Math.Sqrt(Math.Max(variance, 0.0));
    }

    /// <summary>
    /// Host reference over one account's losses: sorts a copy, sums the tail in ascending order (the same order
    /// the device reduction uses), so the two agree bit for bit on the same losses.
    /// </summary>
    public static TailRisk FromLosses(ReadOnlySpan<double> losses, double confidence)
    {
        var ranks = TailRanks.For(losses.Length, confidence);
        var sorted = losses.ToArray();
        Array.Sort(sorted);
        return FromSortedTail(sorted.AsSpan(ranks.TailStart), ranks.VarRank - 1 >= ranks.TailStart
            ? sorted[ranks.VarRank - 1]
            : sorted[ranks.TailStart - 1], confidence);
    }

    /// <summary>ES and its standard error from the ascending tail and the VaR order statistic.</summary>
    public static TailRisk FromSortedTail(ReadOnlySpan<double> ascendingTail, double valueAtRisk, double confidence)
    {
        var sum = 0.0;
        foreach (var loss in ascendingTail)
        {
            sum += loss;
        }

        var mean = sum / ascendingTail.Length;
        var squares = 0.0;
        foreach (var loss in ascendingTail)
        {
            squares += (loss - mean) * (loss - mean);
        }

        var variance = ascendingTail.Length > 1 ? squares / (ascendingTail.Length - 1) : 0.0;
        return new TailRisk(valueAtRisk, mean, StdError(confidence, valueAtRisk, mean, variance, ascendingTail.Length));
    }
}
