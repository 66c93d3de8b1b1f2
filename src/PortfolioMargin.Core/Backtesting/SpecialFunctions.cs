namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Log-gamma and the regularized incomplete gamma and beta functions that the chi-square, binomial and
/// Clopper–Pearson code rests on. Algorithms from Press, Teukolsky, Vetterling and Flannery, Numerical Recipes
/// (3rd ed., 2007), §6.1–6.4: a series where it converges fast, otherwise a continued fraction evaluated by the
/// modified Lentz method. Relative accuracy about 1e-13 for the arguments a backtest uses.
/// </summary>
public static class SpecialFunctions
{
    // Convergence is declared when a term changes the sum by less than this relative amount.
    private const double RelativeTolerance = 1e-15;

    // Lentz's guard against a zero denominator: any number far below the smallest term that matters.
    private const double TinyValue = 1e-300;

    // Enough for a and b up to ~1e6: the series and the fractions need O(√max(a, b)) terms.
    private const int MaxIterations = 100_000;

    // Lanczos coefficients for g = 671/128 and 14 terms (Numerical Recipes 3rd ed., §6.1): |error| < 1e-15.
    private static readonly double[] LanczosCoefficients =
    [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3,
        -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5,
    ];

    /// <summary>
    /// ln(1 + x) without the cancellation of Math.Log(1 + x) for small x (.NET's double.LogP1 is that naive form):
    /// Kahan's trick ln(u)·x/(u − 1) with u = 1 + x rounded, exact to a few ulps (Goldberg 1991, Theorem 4).
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        }

        var y = x;
        var shifted = x + 5.24218750000000000;
        var head = (x + 0.5) * Math.Log(shifted) - shifted;
        var series = 0.999999999999997092;
        foreach (var coefficient in LanczosCoefficients)
        {
            series += coefficient / ++y;
        }

        return head + Math.Log(2.5066282746310005 * series / x);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a), the lower regularized incomplete gamma function, for a &gt; 0 and x ≥ 0.</summary>
    public static double RegularizedGammaLower(double a, double x)
    {
        CheckGammaArguments(a, x);
        if (x == 0.0)
        {
            return 0.0;
        }

        return x < a + 1.0 ? GammaSeries(a, x) : 1.0 - GammaContinuedFraction(a, x);
    }

    /// <summary>Q(a, x) = 1 − P(a, x), computed directly so that small upper tails keep their digits.</summary>
    public static double RegularizedGammaUpper(double a, double x)
    {
        CheckGammaArguments(a, x);
        if (x == 0.0)
        {
            return 1.0;
        }

        return x < a + 1.0 ? 1.0 - GammaSeries(a, x) : GammaContinuedFraction(a, x);
    }

    /// <summary>
    /// I_x(a, b), the regularized incomplete beta function, for a, b &gt; 0 and 0 ≤ x ≤ 1. The continued fraction
    /// converges fast for x &lt; (a + 1)/(a + b + 2); above that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
    /// </summary>
    public static double RegularizedBeta(double a, double b, double x)
    {
        if (!(a > 0.0) || !(b > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"RegularizedBeta needs a, b > 0, got a = {a}, b = {b}.");
        }

        if (!(x >= 0.0 && x <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "RegularizedBeta needs 0 <= x <= 1.");
        }

        if (x == 0.0 || x == 1.0)
        {
            return x;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1.0 - x);
        var front = Math.Exp(logFront);
        return x < (a + 1.0) / (a + b + 2.0)
            ? front * BetaContinuedFraction(a, b, x) / a
            : 1.0 - front * BetaContinuedFraction(b, a, 1.0 - x) / b;
    }

    private static void CheckGammaArguments(double a, double x)
    {
        if (!(a > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The incomplete gamma function needs a > 0.");
        }

        if (!(x >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The incomplete gamma function needs x >= 0.");
        }
    }

    // P(a, x) = e^{−x} x^a / Γ(a) · Σ_n x^n / (a (a+1) ⋯ (a+n)), Numerical Recipes eq. 6.2.5.
    private static double GammaSeries(double a, double x)
    {
        var denominator = a;
        var term = 1.0 / a;
        var sum = term;
        for (var n = 0; n < MaxIterations; n++)
        {
            denominator += 1.0;
            term *= x / denominator;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * RelativeTolerance)
            {
                return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
            }
        }

        throw new InvalidOperationException($"Incomplete gamma series did not converge for a = {a}, x = {x}.");
    }

    // Q(a, x) by the even part of Legendre's continued fraction, Numerical Recipes eq. 6.2.7, modified Lentz.
    private static double GammaContinuedFraction(double a, double x)
    {
        var b = x + 1.0 - a;
        var c = 1.0 / TinyValue;
        var d = 1.0 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            var delta = LentzFactor(an, b, ref d, ref c);
            h *= delta;
            if (Math.Abs(delta - 1.0) < RelativeTolerance)
            {
                return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
            }
        }

        throw new InvalidOperationException($"Incomplete gamma continued fraction did not converge for a = {a}, x = {x}.");
    }

    // The continued fraction for I_x(a, b), Numerical Recipes eq. 6.4.5 (betacf), modified Lentz.
    private static double BetaContinuedFraction(double a, double b, double x)
    {
        var sum = a + b;
        var plusOne = a + 1.0;
        var minusOne = a - 1.0;
        var c = 1.0;
        var d = 1.0 - sum * x / plusOne;
        if (Math.Abs(d) < TinyValue)
        {
            d = TinyValue;
        }

        d = 1.0 / d;
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((minusOne + m2) * (a + m2));
            h *= LentzFactor(even, 1.0, ref d, ref c);
            var odd = -(a + m) * (sum + m) * x / ((a + m2) * (plusOne + m2));
            var delta = LentzFactor(odd, 1.0, ref d, ref c);
            h *= delta;
            if (Math.Abs(delta - 1.0) < RelativeTolerance)
            {
                return h;
            }
        }

        throw new InvalidOperationException($"Incomplete beta continued fraction did not converge for a = {a}, b = {b}, x = {x}.");
    }

    /// <summary>
    /// One step of the modified Lentz recurrence (Numerical Recipes §5.2) for the term a/(b + …): updates D and C,
    /// each kept off zero, and returns the factor C·D the fraction's value is multiplied by.
    /// </summary>
    private static double LentzFactor(double coefficient, double b, ref double d, ref double c)
    {
        d = coefficient * d + b;
        if (Math.Abs(d) < TinyValue)
        {
            d = TinyValue;
        }

        c = b + coefficient / c;
        if (Math.Abs(c) < TinyValue)
        {
            c = TinyValue;
        }

        d = 1.0 / d;
        return d * c;
    }
}
