namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The χ²(k) distribution through the regularized incomplete gamma function: F(x) = P(k/2, x/2). The survival
/// function is evaluated as Q(k/2, x/2) directly, so a likelihood ratio far in the tail keeps a meaningful p-value.
/// </summary>
public static class ChiSquareDistribution
{
    /// <summary>5% critical value of χ²(1): the cut-off for Kupiec's and Christoffersen's independence tests.</summary>
    public const double CriticalValue95OneDegree = 3.841458820694124;

    /// <summary>5% critical value of χ²(2): the cut-off for Christoffersen's conditional-coverage test.</summary>
    public const double CriticalValue95TwoDegrees = 5.991464547107979;

    /// <summary>P(X ≤ x) for X ~ χ²(degreesOfFreedom); 0 for x ≤ 0.</summary>
    public static double Cdf(double x, int degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        return x <= 0.0 ? 0.0 : SpecialFunctions.RegularizedGammaLower(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /// <summary>P(X &gt; x) for X ~ χ²(degreesOfFreedom): the p-value of a likelihood-ratio statistic x.</summary>
    public static double Survival(double x, int degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return x <= 0.0 ? 1.0 : SpecialFunctions.RegularizedGammaUpper(0.5 * degreesOfFreedom, 0.5 * x);
    }

    private static void CheckDegrees(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Chi-square needs at least one degree of freedom.");
        }
    }
}
