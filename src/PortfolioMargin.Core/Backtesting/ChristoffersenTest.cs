namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Christoffersen's (1998) tests. Independence: a first-order Markov chain of exceptions against an i.i.d. one,
/// with π01 = n01/(n00 + n01), π11 = n11/(n10 + n11), π = (n01 + n11)/(n00 + n01 + n10 + n11),
/// LR_ind = −2[(n00 + n10) ln(1 − π) + (n01 + n11) ln π − n00 ln(1 − π01) − n01 ln π01 − n10 ln(1 − π11) − n11 ln π11]
/// ~ χ²(1). Conditional coverage: LR_cc = LR_POF + LR_ind ~ χ²(2), with LR_POF over all N days as MathWorks'
/// varbacktest does (Christoffersen's own form conditions on the first day and uses N − 1; the difference is one day).
/// </summary>
public static class ChristoffersenTest
{
    /// <summary>LR_ind from transition counts; empty rows (no day after an exception, say) contribute 0.</summary>
    public static LikelihoodRatioTest Independence(TransitionCounts counts)
    {
        double n00 = counts.N00, n01 = counts.N01, n10 = counts.N10, n11 = counts.N11;
        var total = n00 + n01 + n10 + n11;
        var exceptions = n01 + n11;
        var restricted = LogLikelihood.FittedTerm(n00 + n10, total - exceptions, total) + LogLikelihood.FittedTerm(exceptions, exceptions, total);
        var markov = LogLikelihood.FittedTerm(n00, n00, n00 + n01) + LogLikelihood.FittedTerm(n01, n01, n00 + n01)
                     + LogLikelihood.FittedTerm(n10, n10, n10 + n11) + LogLikelihood.FittedTerm(n11, n11, n10 + n11);

        // The Markov model nests the i.i.d. one, so the ratio is ≥ 0 up to rounding.
        return LikelihoodRatioTest.FromStatistic(Math.Max(0.0, -2.0 * (restricted - markov)), 1);
    }

    /// <summary>LR_ind of an exception sequence.</summary>
    public static LikelihoodRatioTest Independence(ReadOnlySpan<bool> exceedances) =>
        Independence(TransitionCounts.FromExceedances(exceedances));

    /// <summary>LR_cc = LR_POF + LR_ind ~ χ²(2): right number of exceptions, and not bunched.</summary>
    public static LikelihoodRatioTest ConditionalCoverage(ReadOnlySpan<bool> exceedances, double exceptionProbability)
    {
        var proportionOfFailures = KupiecTest.ProportionOfFailures(exceedances, exceptionProbability);
        var independence = Independence(exceedances);
        return LikelihoodRatioTest.FromStatistic(proportionOfFailures.LikelihoodRatio + independence.LikelihoodRatio, 2);
    }
}
