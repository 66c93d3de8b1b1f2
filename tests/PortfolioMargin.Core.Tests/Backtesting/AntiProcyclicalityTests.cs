using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The EMIR Art. 28 rules on series worked by hand (docs/backtesting.md §10).</summary>
public class AntiProcyclicalityTests
{
    private static readonly AntiProcyclicality Tools = new();

    [Fact]
    public void A_calm_requirement_carries_the_whole_buffer()
    {
        var buffered = Tools.Buffered([80, 80, 80, 80]);
        Assert.All(buffered, m => Assert.Equal(100.0, m));
    }

    [Fact]
    public void A_jump_uses_the_buffer_then_it_is_rebuilt_at_the_rate()
    {
        // R = 100 for 10 days, 200 for 40, then 100. b = 0.25, D = 20: the rebuild step is 0.25 · 200 / 20 = 2.5.
        double[] requirement = [.. Enumerable.Repeat(100.0, 10), .. Enumerable.Repeat(200.0, 40), .. Enumerable.Repeat(100.0, 5)];
        var buffered = Tools.Buffered(requirement);

        Assert.All(buffered[..10], m => Assert.Equal(125.0, m));

        // The jump: min(250, 125 + 2.5) = 127.5 is below R, so M = R = 200, a rise of 75 where R rose 100.
        for (var k = 0; k <= 20; k++)
        {
            Assert.Equal(200.0 + 2.5 * k, buffered[10 + k]);
        }

        Assert.All(buffered[30..50], m => Assert.Equal(250.0, m));

        // R halves: M falls to (1 + b) R = 125 (the buffer never exceeds its share).
        Assert.All(buffered[50..], m => Assert.Equal(125.0, m));
        Assert.Equal(75.0, Procyclicality.LargestIncrease(buffered, 1).LargestAbsolute);
        Assert.Equal(100.0, Procyclicality.LargestIncrease(requirement, 1).LargestAbsolute);
    }

    [Fact]
    public void The_buffered_requirement_stays_between_the_model_and_its_full_buffer()
    {
        var random = new System.Random(11);
        var requirement = new double[500];
        requirement[0] = 100;
        for (var t = 1; t < requirement.Length; t++)
        {
            requirement[t] = requirement[t - 1] * Math.Exp(0.1 * (random.NextDouble() - 0.5));
        }

        var buffered = Tools.Buffered(requirement);
        for (var t = 0; t < requirement.Length; t++)
        {
            Assert.InRange(buffered[t], requirement[t], 1.25 * requirement[t] * (1 + 1e-15));
            if (t > 0 && requirement[t] <= buffered[t - 1])
            {
                // Unless the model itself rises above it, M rises at most by the rebuild step.
                Assert.True(buffered[t] - buffered[t - 1] <= 0.25 * requirement[t] / 20 + 1e-12, $"t = {t}");
            }
        }
    }

    [Theory]
    [InlineData(100, 300, 150)]
    [InlineData(100, 100, 100)]
    [InlineData(100, 50, 100)]
    [InlineData(100, -40, 100)]
    [InlineData(0, 80, 20)]
    public void The_stressed_weight_adds_a_quarter_of_a_worse_stressed_requirement(double requirement, double stressed, double expected)
    {
        Assert.Equal(expected, Tools.StressWeighted(requirement, stressed), 12);
    }

    [Fact]
    public void The_ten_year_floor_is_a_maximum()
    {
        Assert.Equal(120.0, AntiProcyclicality.Floored(100, 120));
        Assert.Equal(100.0, AntiProcyclicality.Floored(100, 90));
    }

    [Fact]
    public void The_stressed_period_is_the_most_volatile_window_known_at_the_close()
    {
        // Calm ±1% days, a block of ±5% days on return rows 300 … 349, windows of 100 returns. Calm windows tie:
        // the earliest is kept.
        var returns = new double[600, 2];
        for (var k = 0; k < 600; k++)
        {
            var size = k is >= 300 and < 350 ? 0.05 : 0.01;
            returns[k, 0] = k % 2 == 0 ? size : -size;
            returns[k, 1] = -returns[k, 0];
        }

        var period = new StressedPeriod(returns, 100);
        Assert.Equal(-1, period.StartOn(99));
        Assert.Equal(0, period.StartOn(100));
        Assert.Equal(0, period.StartOn(300));

        // Date 301's close knows return row 300, the first stressed day: the window ending there.
        Assert.Equal(201, period.StartOn(301));
        Assert.Equal(250, period.StartOn(350));
        Assert.Equal(250, period.StartOn(599));
        for (var date = 100; date < 600; date++)
        {
            Assert.InRange(period.StartOn(date), 0, date - 100);
        }
    }

    [Fact]
    public void Long_run_volatility_is_the_equal_weight_root_mean_square()
    {
        double[,] returns = { { 0.01, 0.02, 0.0 }, { -0.02, 0.0, 0.0 }, { 0.03, -0.01, 0.0 }, { 0.5, 0.5, 0.5 } };
        var (vol, correlation) = LongRunVolatility.On(returns, 3, 10);
        Assert.Equal(Math.Sqrt((1 + 4 + 9) * 1e-4 / 3), vol[0], 15);
        Assert.Equal(Math.Sqrt((4 + 0 + 1) * 1e-4 / 3), vol[1], 15);
        Assert.Equal(0.0, vol[2]);
        Assert.Equal((0.0002 - 0.0003) / Math.Sqrt(14e-4 * 5e-4), correlation[0, 1], 12);
        Assert.Equal(0.0, correlation[0, 2]);
        Assert.Equal(1.0, correlation[2, 2]);

        // Date 3 knows rows 0 … 2; a lookback of 2 keeps rows 1 and 2.
        var (recent, _) = LongRunVolatility.On(returns, 3, 2);
        Assert.Equal(Math.Sqrt((4 + 9) * 1e-4 / 2), recent[0], 15);
    }

    [Theory]
    [InlineData("fhs", "fhs")]
    [InlineData("FHS+buffer", "fhs+buffer")]
    [InlineData("ewma+buffer+stress+tenyear", "ewma+stress+tenyear+buffer")]
    [InlineData("implied + tenyear", "implied+tenyear")]
    public void A_model_is_named_with_its_tools_in_the_order_they_apply(string given, string name)
    {
        var (spec, problem) = MarginModelSpec.Parse(given);
        Assert.Null(problem);
        Assert.Equal(name, spec!.Name);
        Assert.Equal(spec, MarginModelSpec.Parse(name).Spec);
    }

    [Theory]
    [InlineData("garch", "'garch' is not one of implied, ewma, fhs")]
    [InlineData("fhs+floor", "'floor' in 'fhs+floor' is not an anti-procyclicality tool (buffer, stress, tenyear)")]
    [InlineData("fhs+buffer+buffer", "'fhs+buffer+buffer' names buffer twice")]
    public void A_bad_model_name_says_what_is_wrong(string given, string problem)
    {
        Assert.Equal((null, problem), MarginModelSpec.Parse(given));
    }
}
