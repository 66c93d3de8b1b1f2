using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>Christoffersen's independence and conditional-coverage tests against docs/test-vectors.md §6.3 [EXACT-VAR][MW-CCI].</summary>
public class ChristoffersenTestTests
{
    [Fact]
    public void Spread_out_exceptions_are_independent()
    {
        // docs/test-vectors.md §6.3: (n00, n01, n10, n11) = (241, 4, 4, 0) → LR_ind = 0.130618.
        var test = ChristoffersenTest.Independence(new TransitionCounts(241, 4, 4, 0));
        Assert.Equal(0.130618, test.LikelihoodRatio, 1e-6);
        Assert.False(test.RejectedAt(0.05));
    }

    [Fact]
    public void Bunched_exceptions_are_rejected()
    {
        // docs/test-vectors.md §6.3: (244, 1, 1, 3) → LR_ind = 23.487554 (reject).
        var test = ChristoffersenTest.Independence(new TransitionCounts(244, 1, 1, 3));
        Assert.Equal(23.487554, test.LikelihoodRatio, 1e-6);
        Assert.True(test.RejectedAt(0.01));
    }

    [Fact]
    public void Counts_come_out_of_a_spread_out_sequence()
    {
        var exceedances = new bool[250];
        exceedances[10] = exceedances[70] = exceedances[130] = exceedances[200] = true;
        Assert.Equal(new TransitionCounts(241, 4, 4, 0), TransitionCounts.FromExceedances(exceedances));
        Assert.Equal(0.130618, ChristoffersenTest.Independence(exceedances).LikelihoodRatio, 1e-6);
    }

    [Fact]
    public void Counts_come_out_of_a_bunched_sequence()
    {
        var exceedances = new bool[250];
        exceedances[100] = exceedances[101] = exceedances[102] = exceedances[103] = true;
        var counts = TransitionCounts.FromExceedances(exceedances);
        Assert.Equal(new TransitionCounts(244, 1, 1, 3), counts);
        Assert.Equal(249, counts.Transitions);
    }

    [Fact]
    public void Sequences_without_exceptions_or_without_a_day_after_one_are_finite()
    {
        // No exceptions: the n10/n11 row is empty and every ln 0 term has a zero count.
        var none = ChristoffersenTest.Independence(new bool[250]);
        Assert.Equal(0.0, none.LikelihoodRatio);
        Assert.Equal(1.0, none.PValue);

        // A single exception on the last day: n10 = n11 = 0.
        var last = new bool[250];
        last[^1] = true;
        Assert.Equal(new TransitionCounts(248, 1, 0, 0), TransitionCounts.FromExceedances(last));
        Assert.True(double.IsFinite(ChristoffersenTest.Independence(last).LikelihoodRatio));

        // All exceptions.
        var all = Enumerable.Repeat(true, 250).ToArray();
        Assert.Equal(0.0, ChristoffersenTest.Independence(all).LikelihoodRatio);
        Assert.True(double.IsFinite(ChristoffersenTest.ConditionalCoverage(all, 0.01).LikelihoodRatio));
    }

    [Fact]
    public void Conditional_coverage_is_the_sum_with_two_degrees_of_freedom()
    {
        var exceedances = new bool[250];
        exceedances[100] = exceedances[101] = exceedances[102] = exceedances[103] = true;
        var test = ChristoffersenTest.ConditionalCoverage(exceedances, 0.01);

        // LR_POF(250, 4) = 0.769138 plus LR_ind = 23.487554.
        Assert.Equal(0.769138 + 23.487554, test.LikelihoodRatio, 2e-6);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-test.LikelihoodRatio / 2), test.PValue, 1e-15);
    }
}
