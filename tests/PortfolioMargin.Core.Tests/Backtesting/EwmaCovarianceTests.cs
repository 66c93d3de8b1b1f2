using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The RiskMetrics recursion by hand, its warm-up, and that an estimate never reads a later row.</summary>
public class EwmaCovarianceTests
{
    private const ulong Seed = 77;

    [Fact]
    public void First_return_squared_seed_then_the_recursion()
    {
        var ewma = new EwmaCovariance(1, 0.94, warmupDays: 1);
        ewma.Add([0.02]);
        Assert.Equal(0.0004, ewma.Variance(0), 1e-18);

        ewma.Add([-0.01]);
        Assert.Equal(0.94 * 0.0004 + 0.06 * 0.0001, ewma.Variance(0), 1e-18);
        Assert.Equal(Math.Sqrt(0.94 * 0.0004 + 0.06 * 0.0001), ewma.Volatility(0), 1e-15);
    }

    [Fact]
    public void Warm_up_is_an_expanding_mean_of_squares()
    {
        var ewma = new EwmaCovariance(1, 0.94, warmupDays: 3);
        ewma.Add([0.01]);
        Assert.Equal(0.0001, ewma.Variance(0), 1e-18);
        ewma.Add([0.03]);
        Assert.Equal((0.0001 + 0.0009) / 2, ewma.Variance(0), 1e-18);
        ewma.Add([-0.02]);
        var seed = (0.0001 + 0.0009 + 0.0004) / 3;
        Assert.Equal(seed, ewma.Variance(0), 1e-18);
        ewma.Add([0.05]);
        Assert.Equal(0.94 * seed + 0.06 * 0.0025, ewma.Variance(0), 1e-18);
    }

    [Fact]
    public void Covariance_follows_the_same_recursion_and_gives_the_correlation()
    {
        var ewma = new EwmaCovariance(2, 0.9, warmupDays: 1);
        ewma.Add([0.01, 0.02]);
        ewma.Add([0.03, -0.01]);

        var covariance = 0.9 * 0.0002 + 0.1 * -0.0003;
        var varianceA = 0.9 * 0.0001 + 0.1 * 0.0009;
        var varianceB = 0.9 * 0.0004 + 0.1 * 0.0001;
        Assert.Equal(covariance, ewma.Covariance(0, 1), 1e-18);
        Assert.Equal(ewma.Covariance(0, 1), ewma.Covariance(1, 0));
        Assert.Equal(covariance / Math.Sqrt(varianceA * varianceB), ewma.Correlation(0, 1), 1e-14);
        Assert.Equal(1.0, ewma.CorrelationMatrix()[1, 1]);
    }

    [Fact]
    public void Proportional_returns_are_perfectly_correlated()
    {
        var returns = new double[100, 3];
        for (var t = 0; t < 100; t++)
        {
            var z = CounterNormals.Normal(Seed, 0, (uint)t, CounterNormals.SpotStream, 0);
            returns[t, 0] = 0.01 * z;
            returns[t, 1] = 0.03 * z;
            returns[t, 2] = -0.02 * z;
        }

        var correlation = EwmaEstimates.CorrelationAt(returns, 99);
        Assert.Equal(1.0, correlation[0, 1], 1e-12);
        Assert.Equal(-1.0, correlation[0, 2], 1e-12);
        Assert.Equal(3.0, EwmaEstimates.Volatilities(returns)[99, 1] / EwmaEstimates.Volatilities(returns)[99, 0], 1e-12);
    }

    [Fact]
    public void Changing_row_t_plus_one_leaves_every_estimate_up_to_t_bit_identical()
    {
        const int days = 300;
        const int underlyings = 3;
        const int t = 150;
        var returns = new double[days, underlyings];
        for (var d = 0; d < days; d++)
        {
            for (var i = 0; i < underlyings; i++)
            {
                returns[d, i] = 0.01 * CounterNormals.Normal(Seed, (uint)i, (uint)d, CounterNormals.SpotStream, 0);
            }
        }

        var changed = (double[,])returns.Clone();
        for (var i = 0; i < underlyings; i++)
        {
            changed[t + 1, i] = 0.5 * (i + 1);
        }

        var before = EwmaEstimates.Volatilities(returns);
        var after = EwmaEstimates.Volatilities(changed);
        var correlationsBefore = EwmaEstimates.Correlations(returns);
        var correlationsAfter = EwmaEstimates.Correlations(changed);
        for (var d = 0; d <= t; d++)
        {
            for (var i = 0; i < underlyings; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(before[d, i]), BitConverter.DoubleToInt64Bits(after[d, i]));
                for (var j = 0; j < underlyings; j++)
                {
                    Assert.Equal(
                        BitConverter.DoubleToInt64Bits(correlationsBefore[d][i, j]),
                        BitConverter.DoubleToInt64Bits(correlationsAfter[d][i, j]));
                }
            }
        }

        Assert.Equal(correlationsBefore[t], EwmaEstimates.CorrelationAt(changed, t));
        Assert.NotEqual(before[t + 1, 0], after[t + 1, 0]);
    }
}
