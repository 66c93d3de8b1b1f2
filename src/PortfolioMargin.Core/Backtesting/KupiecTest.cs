namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Kupiec's (1995) proportion-of-failures test of unconditional coverage: with N days, x exceptions and model
/// exception probability p = 1 − confidence,
/// LR_POF = −2 ln[(1 − p)^(N−x) p^x] + 2 ln[(1 − x/N)^(N−x) (x/N)^x] ~ χ²(1).
/// Two-sided: too few exceptions (an over-conservative model) is rejected as well as too many.
/// </summary>
public static class KupiecTest
{
    /// <summary>The POF test; x = 0 and x = N are finite through 0·ln 0 = 0.</summary>
    public static LikelihoodRatioTest ProportionOfFailures(int observations, int exceptions, double exceptionProbability)
    {
        if (observations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(observations), observations, "The POF test needs at least one observation.");
        }

        if (exceptions < 0 || exceptions > observations)
        {
            throw new ArgumentOutOfRangeException(nameof(exceptions), exceptions, $"Exceptions must lie in [0, {observations}].");
        }

        if (!(exceptionProbability > 0.0 && exceptionProbability < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(exceptionProbability), exceptionProbability, "The exception probability must lie in (0, 1).");
        }

        double covered = observations - exceptions;
        var underModel = LogLikelihood.Term(covered, 1.0 - exceptionProbability) + LogLikelihood.Term(exceptions, exceptionProbability);
        var fitted = LogLikelihood.FittedTerm(covered, covered, observations) + LogLikelihood.FittedTerm(exceptions, exceptions, observations);

        // Rounding can leave a tiny negative value when x/N equals p; the statistic is a non-negative quantity.
        var statistic = Math.Max(0.0, -2.0 * (underModel - fitted));
        return LikelihoodRatioTest.FromStatistic(statistic, 1);
    }

    /// <summary>The POF test of an exception sequence (true = the loss exceeded the model's VaR that day).</summary>
    public static LikelihoodRatioTest ProportionOfFailures(ReadOnlySpan<bool> exceedances, double exceptionProbability) =>
        ProportionOfFailures(exceedances.Length, Count(exceedances), exceptionProbability);

    internal static int Count(ReadOnlySpan<bool> exceedances)
    {
        var count = 0;
        foreach (var exceeded in exceedances)
        {
            count += exceeded ? 1 : 0;
        }

        return count;
    }
}
