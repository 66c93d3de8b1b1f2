namespace PortfolioMargin.Core.Pricing;

/// <summary>
/// Standard normal density and distribution. Plain arithmetic and System.Math only, so the same code runs
/// inside ILGPU kernels and on the host: there is one formula, tested once.
/// </summary>
public static class NormalDistribution
{
    public const double InverseSqrtTwoPi = 0.398942280401432677939946059934;

    public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// Φ(x) by Hart's 1968 double-precision algorithm as given by West (2005), "Better approximations to
    /// cumulative normal functions": absolute error below 1e-14 over the real line.
    /// </summary>
    public static double Cdf(double x)
    {
        var z = Math.Abs(x);
        double tail;
        if (z > 37.0)
        {
            tail = 0.0;
        }
        else
        {
            var e = Math.Exp(-0.5 * z * z);
            if (z < 7.07106781186547)
            {
                // Estrin's scheme rather than Horner's: the same polynomials with a dependency chain of 4
                // multiply-adds instead of 13, which is what bounds the cost of a CDF on a modern CPU.
                var z2 = z * z;
                var z4 = z2 * z2;
                var num = (220.206867912376 + 221.213596169931 * z)
                          + z2 * (112.079291497871 + 33.912866078383 * z)
                          + z4 * ((6.37396220353165 + 0.700383064443688 * z) + z2 * 3.52624965998911E-02);
                var den = (440.413735824752 + 793.826512519948 * z)
                          + z2 * (637.333633378831 + 296.564248779674 * z)
                          + z4 * ((86.7807322029461 + 16.064177579207 * z) + z2 * (1.75566716318264 + 8.83883476483184E-02 * z));
                tail = e * num / den;
            }
            else
            {
                // Continued fraction for the far tail.
                var cf = z + 0.65;
                cf = z + 4.0 / cf;
                cf = z + 3.0 / cf;
                cf = z + 2.0 / cf;
                cf = z + 1.0 / cf;
                tail = e / cf / 2.506628274631;
            }
        }

        return x > 0 ? 1.0 - tail : tail;
    }
}
