using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>χ² tails against the published 5% critical values and the closed forms for 1, 2 and 4 degrees of freedom.</summary>
public class ChiSquareDistributionTests
{
    [Fact]
    public void Five_percent_critical_values_have_survival_five_percent()
    {
        // Tabulated χ² quantiles, docs/test-vectors.md §6.5 [NIST-CHI2]: 3.841 (1 d.f.) and 5.991 (2 d.f.).
        Assert.Equal(0.05, ChiSquareDistribution.Survival(3.841459, 1), 1e-7);
        Assert.Equal(0.05, ChiSquareDistribution.Survival(5.991465, 2), 1e-7);
        Assert.Equal(0.05, ChiSquareDistribution.Survival(ChiSquareDistribution.CriticalValue95OneDegree, 1), 1e-13);
        Assert.Equal(0.05, ChiSquareDistribution.Survival(ChiSquareDistribution.CriticalValue95TwoDegrees, 2), 1e-13);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.769138)]
    [InlineData(3.0)]
    [InlineData(23.487554)]
    [InlineData(80.0)]
    public void Survival_matches_closed_forms(double x)
    {
        // χ²(1): 2 Φ(−√x); χ²(2): e^{−x/2}; χ²(4): e^{−x/2}(1 + x/2).
        var oneDegree = 2.0 * NormalDistribution.Cdf(-Math.Sqrt(x));
        Assert.Equal(oneDegree, ChiSquareDistribution.Survival(x, 1), 1e-13);
        Assert.Equal(Math.Exp(-x / 2), ChiSquareDistribution.Survival(x, 2), 1e-15);
        Assert.Equal(Math.Exp(-x / 2) * (1 + x / 2), ChiSquareDistribution.Survival(x, 4), 1e-15);
        Assert.Equal(1.0, ChiSquareDistribution.Cdf(x, 2) + ChiSquareDistribution.Survival(x, 2), 1e-15);
    }

    [Fact]
    public void Far_tail_keeps_relative_precision()
    {
        // mpmath: P(χ²(1) > 50) = 1.537459794428035e-12; a 1 − CDF route would keep only ~4 digits.
        Assert.Equal(1.537459794428035e-12, ChiSquareDistribution.Survival(50.0, 1), 1e-24);
        Assert.Equal(0.00124973056303137541, ChiSquareDistribution.Survival(20.0, 5), 1e-16);
    }

    [Fact]
    public void Non_positive_statistic_has_p_value_one()
    {
        Assert.Equal(1.0, ChiSquareDistribution.Survival(0.0, 1));
        Assert.Equal(1.0, ChiSquareDistribution.Survival(-1e-12, 2));
        Assert.Equal(0.0, ChiSquareDistribution.Survival(double.PositiveInfinity, 1));
    }
}
