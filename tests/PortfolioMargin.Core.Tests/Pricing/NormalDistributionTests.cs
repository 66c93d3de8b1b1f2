using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

/// <summary>
/// Φ by Hart/West against an independent computation: the Taylor series
/// Φ(x) = ½ + φ(x)·Σ_{n≥0} x^{2n+1}/(1·3·5⋯(2n+1)). Every term has the sign of x, so the sum has no cancellation
/// and is good to a few ulps of its value; for |x| ≤ 6 that makes the reference good to ~1e-15 absolute.
/// </summary>
public class NormalDistributionTests
{
    [Fact]
    public void Cdf_matches_the_Taylor_series_to_1e13_for_x_within_6()
    {
        var worstError = 0.0;
        var worstX = 0.0;
        for (var i = -1200; i <= 1200; i++)
        {
            var x = i * 0.005;
            var error = Math.Abs(NormalDistribution.Cdf(x) - SeriesCdf(x));
            if (error > worstError)
            {
                worstError = error;
                worstX = x;
            }
        }

        Assert.True(worstError <= 1e-13, $"|Cdf − series| = {worstError:E3} at x = {worstX}");
    }

    [Fact]
    public void Cdf_is_symmetric_to_1e15()
    {
        for (var i = 0; i <= 4000; i++)
        {
            var x = i * 0.01;
            var sum = NormalDistribution.Cdf(x) + NormalDistribution.Cdf(-x);
            Assert.True(Math.Abs(sum - 1.0) <= 1e-15, $"Φ(x) + Φ(−x) − 1 = {sum - 1.0:E3} at x = {x}");
        }
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.959963984540054, 0.025)]
    public void Cdf_matches_known_quantiles_to_1e12(double x, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-12);
    }

    [Fact]
    public void Cdf_is_monotone_and_bounded_over_the_real_line()
    {
        var previous = 0.0;
        for (var i = -4000; i <= 4000; i++)
        {
            var value = NormalDistribution.Cdf(i * 0.01);
            Assert.InRange(value, previous, 1.0);
            previous = value;
        }
    }

    [Fact]
    public void Density_matches_the_formula()
    {
        foreach (var x in new[] { -3.0, -1.0, 0.0, 0.5, 2.0 })
        {
            Assert.Equal(Math.Exp(-0.5 * x * x) / Math.Sqrt(2.0 * Math.PI), NormalDistribution.Density(x), 1e-16);
        }
    }

    private static double SeriesCdf(double x)
    {
        var term = x;
        var sum = x;
        for (var n = 1; n < 1000 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
        {
            term *= x * x / (2 * n + 1);
            sum += term;
        }

        return 0.5 + Math.Exp(-0.5 * x * x) / Math.Sqrt(2.0 * Math.PI) * sum;
    }
}
