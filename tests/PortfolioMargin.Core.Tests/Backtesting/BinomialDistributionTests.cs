using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The binomial CDF against the Basel traffic-light table, closed forms and the incomplete-beta identity.</summary>
public class BinomialDistributionTests
{
    [Theory]
    // docs/test-vectors.md §6.4 (binomial n = 250, p = 0.01, computed there), printed to 0.01%.
    [InlineData(0, 0.0811)]
    [InlineData(1, 0.2858)]
    [InlineData(2, 0.5432)]
    [InlineData(3, 0.7581)]
    [InlineData(4, 0.8922)]
    [InlineData(5, 0.9588)]
    [InlineData(6, 0.9863)]
    [InlineData(7, 0.9960)]
    [InlineData(8, 0.9989)]
    [InlineData(9, 0.9997)]
    [InlineData(10, 0.9999)]
    public void Cumulative_probabilities_match_the_traffic_light_table(int exceptions, double printed)
    {
        Assert.Equal(printed, BinomialDistribution.Cdf(exceptions, 250, 0.01), 0.00005 + 1e-12);
    }

    [Fact]
    public void Cumulative_probabilities_match_mpmath_to_twelve_digits()
    {
        // mpmath, exact rational sums at 30 digits.
        Assert.Equal(0.0810585161621815, BinomialDistribution.Cdf(0, 250, 0.01), 1e-15);
        Assert.Equal(0.892187626903625, BinomialDistribution.Cdf(4, 250, 0.01), 1e-14);
        Assert.Equal(0.999946101370953, BinomialDistribution.Cdf(10, 250, 0.01), 1e-14);
        Assert.Equal(0.52656253405815891, BinomialDistribution.Cdf(100, 10_000, 0.01), 1e-12);
        Assert.Equal(0.13997602114954435, BinomialDistribution.Cdf(2950, 10_000, 0.3), 1e-12);
    }

    [Fact]
    public void Fair_coin_with_ten_thousand_trials_is_symmetric_despite_underflowing_terms()
    {
        // P(X ≤ 4999) + P(X ≤ 5000) = 1 by symmetry; 0.5^10000 alone is far below the smallest double.
        var below = BinomialDistribution.Cdf(4999, 10_000, 0.5);
        var atOrBelow = BinomialDistribution.Cdf(5000, 10_000, 0.5);
        Assert.Equal(1.0, below + atOrBelow, 1e-11);
        Assert.Equal(atOrBelow - below, BinomialDistribution.Pmf(5000, 10_000, 0.5), 1e-12);
    }

    [Theory]
    [InlineData(3, 250, 0.01)]
    [InlineData(12, 750, 0.01)]
    [InlineData(120, 10_000, 0.01)]
    [InlineData(40, 80, 0.55)]
    public void Cdf_equals_the_incomplete_beta_identity(int k, int trials, double probability)
    {
        // P(X ≤ k) = I_{1−p}(n − k, k + 1): two independent routes to the same number.
        var viaBeta = SpecialFunctions.RegularizedBeta(trials - k, k + 1, 1.0 - probability);
        Assert.Equal(viaBeta, BinomialDistribution.Cdf(k, trials, probability), 1e-11);
    }

    [Fact]
    public void Edges_are_exact()
    {
        Assert.Equal(Math.Pow(0.99, 250), BinomialDistribution.Cdf(0, 250, 0.01), 1e-15);
        Assert.Equal(0.0, BinomialDistribution.Cdf(-1, 250, 0.01));
        Assert.Equal(1.0, BinomialDistribution.Cdf(250, 250, 0.01));
        Assert.Equal(1.0, BinomialDistribution.Cdf(0, 250, 0.0));
        Assert.Equal(0.0, BinomialDistribution.Cdf(249, 250, 1.0));
    }
}
