using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

public class MarginCoverageTests
{
    [Fact]
    public void Coverage_counts_losses_within_the_requirement_and_equality_as_covered()
    {
        double[] losses = [1.0, 5.0, -2.0, 4.0, 7.5];
        double[] requirements = [2.0, 4.0, 1.0, 4.0, 7.0];

        var coverage = MarginCoverage.Compute(losses, requirements);

        Assert.Equal(5, coverage.Observations);
        Assert.Equal(3, coverage.Covered);
        Assert.Equal(2, coverage.Breaches);
        Assert.Equal(0.6, coverage.CoverageRatio, 1e-15);
        Assert.Equal(ClopperPearson.Interval(3, 5, 0.95), coverage.Interval);
        Assert.Equal([false, true, false, false, true], MarginCoverage.Breached(losses, requirements));
    }

    [Fact]
    public void Full_coverage_has_an_upper_bound_of_one_and_a_lower_bound_below_one()
    {
        var losses = new double[500];
        var requirements = Enumerable.Repeat(1.0, 500).ToArray();
        var coverage = MarginCoverage.Compute(losses, requirements, 0.95);

        Assert.Equal(1.0, coverage.CoverageRatio);
        Assert.Equal(1.0, coverage.Interval.Upper);
        Assert.Equal(Math.Pow(0.025, 1.0 / 500), coverage.Interval.Lower, 1e-13);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MarginCoverage.Compute(new double[3], new double[4]));
    }
}
