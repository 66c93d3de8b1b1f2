namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The Clopper–Pearson (1934) "exact" interval for a binomial proportion: the bounds are the p at which the
/// observed count becomes just significant in either tail, P(X ≥ x; p_L) = α/2 and P(X ≤ x; p_U) = α/2.
/// Through the identity P(X ≥ x; n, p) = I_p(x, n − x + 1) these are beta quantiles,
/// p_L = B⁻¹(α/2; x, n − x + 1) and p_U = B⁻¹(1 − α/2; x + 1, n − x), found here by bisection on the regularized
/// incomplete beta function (monotone in p, so bisection cannot fail), to 1e-15 in p.
/// Conservative: its coverage is at least the nominal confidence for every p.
/// </summary>
public static class ClopperPearson
{
    private const int BisectionSteps = 200;
    private const double ProbabilityTolerance = 1e-15;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>; 0 ≤ successes ≤ trials.</summary>
    public static ProportionInterval Interval(int successes, int trials, double confidence = 0.95)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "An interval needs at least one trial.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must lie in [0, {trials}].");
        }

        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        }

        var halfAlpha = 0.5 * (1.0 - confidence);
        var lower = successes == 0 ? 0.0 : BetaQuantile(halfAlpha, successes, trials - successes + 1);
        var upper = successes == trials ? 1.0 : BetaQuantile(1.0 - halfAlpha, successes + 1, trials - successes);
        return new ProportionInterval(lower, upper, confidence);
    }

    // The x with I_x(a, b) = probability.
    private static double BetaQuantile(double probability, double a, double b)
    {
        var low = 0.0;
        var high = 1.0;
        for (var step = 0; step < BisectionSteps && high - low > ProbabilityTolerance; step++)
        {
            var middle = 0.5 * (low + high);
            if (SpecialFunctions.RegularizedBeta(a, b, middle) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }
}
