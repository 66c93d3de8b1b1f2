using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>Kupiec's POF statistic against the worked values of docs/test-vectors.md §6.2 [MW-POF][KUPIEC-ROSTRA].</summary>
public class KupiecTestTests
{
    [Fact]
    public void Four_exceptions_in_250_days_at_99_percent_is_accepted()
    {
        // docs/test-vectors.md §6.2: N = 250, p = 0.01, x = 4 → LR = 0.769138 (accept).
        var test = KupiecTest.ProportionOfFailures(250, 4, 0.01);
        Assert.Equal(0.769138, test.LikelihoodRatio, 1e-6);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.False(test.RejectedAt(0.05));
    }

    [Fact]
    public void No_exceptions_is_finite_and_rejected_as_too_conservative()
    {
        // docs/test-vectors.md §6.2: x = 0 → LR = −2 × 250 × ln 0.99 = 5.025 (reject).
        var test = KupiecTest.ProportionOfFailures(250, 0, 0.01);
        Assert.Equal(-2.0 * 250 * Math.Log(0.99), test.LikelihoodRatio, 1e-12);
        Assert.Equal(5.025, test.LikelihoodRatio, 1e-3);
        Assert.True(test.RejectedAt(0.05));
    }

    [Fact]
    public void Only_exceptions_is_finite()
    {
        // x = N: LR = −2 N ln p.
        var test = KupiecTest.ProportionOfFailures(250, 250, 0.01);
        Assert.Equal(-2.0 * 250 * Math.Log(0.01), test.LikelihoodRatio, 1e-9);
        Assert.Equal(0.0, test.PValue);
    }

    [Fact]
    public void Exception_rate_equal_to_the_model_has_zero_statistic()
    {
        var test = KupiecTest.ProportionOfFailures(1000, 10, 0.01);
        Assert.Equal(0.0, test.LikelihoodRatio, 1e-12);
        Assert.Equal(1.0, test.PValue, 1e-6);
    }

    [Fact]
    public void Sequence_overload_counts_the_exceptions()
    {
        var exceedances = new bool[250];
        exceedances[10] = exceedances[70] = exceedances[130] = exceedances[200] = true;
        Assert.Equal(KupiecTest.ProportionOfFailures(250, 4, 0.01), KupiecTest.ProportionOfFailures(exceedances, 0.01));
    }
}
