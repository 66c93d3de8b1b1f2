using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>Clopper–Pearson bounds against closed forms at the edges, a textbook value and their defining tail equations.</summary>
public class ClopperPearsonTests
{
    [Fact]
    public void No_successes_gives_the_closed_form_upper_bound()
    {
        // x = 0: P(X ≤ 0; p_U) = (1 − p_U)^n = α/2, so p_U = 1 − (α/2)^{1/n}.
        var interval = ClopperPearson.Interval(0, 10, 0.95);
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(1.0 - Math.Pow(0.025, 0.1), interval.Upper, 1e-13);
        Assert.Equal(0.30849710781876083, interval.Upper, 1e-13);
    }

    [Fact]
    public void All_successes_gives_the_closed_form_lower_bound()
    {
        var interval = ClopperPearson.Interval(250, 250, 0.99);
        Assert.Equal(Math.Pow(0.005, 1.0 / 250), interval.Lower, 1e-13);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Five_of_ten_matches_the_textbook_interval()
    {
        // Standard value quoted e.g. in Brown, Cai and DasGupta (2001): (0.187, 0.813) for 5/10 at 95%.
        var interval = ClopperPearson.Interval(5, 10, 0.95);
        Assert.Equal(0.18708602844739, interval.Lower, 1e-10);
        Assert.Equal(1.0 - interval.Lower, interval.Upper, 1e-13);
    }

    [Theory]
    [InlineData(4, 250)]
    [InlineData(2480, 2500)]
    [InlineData(97, 10_000)]
    public void Bounds_solve_the_binomial_tail_equations(int successes, int trials)
    {
        var interval = ClopperPearson.Interval(successes, trials, 0.95);

        // P(X ≤ x; p_U) = 0.025 and P(X ≥ x; p_L) = 1 − P(X ≤ x − 1; p_L) = 0.025.
        Assert.Equal(0.025, BinomialDistribution.Cdf(successes, trials, interval.Upper), 1e-10);
        Assert.Equal(0.025, 1.0 - BinomialDistribution.Cdf(successes - 1, trials, interval.Lower), 1e-10);
        Assert.True(interval.Contains((double)successes / trials));
    }
}
