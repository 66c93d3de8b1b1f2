using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>
/// Pins the order-statistic convention on the five P&amp;Ls of docs/test-vectors.md §4 ([−10, −5, −2, 1, 4], i.e. losses
/// [10, 5, 2, −1, −4]), where NumPy's interpolated quantile would give VaR₉₅ = 9.
/// </summary>
public class TailRiskConventionTests
{
    private static readonly double[] ProfitAndLoss = [-10.0, -5.0, -2.0, 1.0, 4.0];

    [Theory]
    [InlineData(0.75, 5.0, 7.5)]
    [InlineData(0.95, 10.0, 10.0)]
    public void Five_hand_made_losses_give_order_statistic_VaR_and_tail_mean_ES(double confidence, double valueAtRisk, double expectedShortfall)
    {
        var losses = ProfitAndLoss.Select(pnl => -pnl).ToArray();

        var risk = TailRisk.FromLosses(losses, confidence);

        Assert.Equal(valueAtRisk, risk.ValueAtRisk);
        Assert.Equal(expectedShortfall, risk.ExpectedShortfall);
    }

    [Fact]
    public void Loss_order_does_not_matter()
    {
        var risk = TailRisk.FromLosses([-4.0, 10.0, -1.0, 2.0, 5.0], 0.75);

        Assert.Equal(5.0, risk.ValueAtRisk);
        Assert.Equal(7.5, risk.ExpectedShortfall);
    }

    [Fact]
    public void ES_is_at_least_VaR_and_non_decreasing_in_confidence()
    {
        var losses = NormalLosses.Draw(10_000, 7);
        var previous = double.NegativeInfinity;
        for (var i = 500; i <= 999; i++)
        {
            var confidence = i / 1000.0;
            var risk = TailRisk.FromLosses(losses, confidence);

            Assert.True(risk.ExpectedShortfall >= risk.ValueAtRisk, $"ES {risk.ExpectedShortfall} < VaR {risk.ValueAtRisk} at α = {confidence}");
            Assert.True(risk.ExpectedShortfall >= previous, $"ES fell to {risk.ExpectedShortfall} from {previous} at α = {confidence}");
            previous = risk.ExpectedShortfall;
        }
    }

    [Fact]
    public void ES_standard_error_is_positive_and_halves_when_N_quadruples()
    {
        // Tail counts 500 and 2000: the standard-error estimates themselves vary by a few percent.
        var small = TailRisk.FromLosses(NormalLosses.Draw(20_000, 11), 0.975);
        var large = TailRisk.FromLosses(NormalLosses.Draw(80_000, 12), 0.975);

        Assert.True(small.ExpectedShortfallStdError > 0.0);
        Assert.True(large.ExpectedShortfallStdError > 0.0);
        var ratio = small.ExpectedShortfallStdError / large.ExpectedShortfallStdError;
        Assert.InRange(ratio, 2.0 * 0.8, 2.0 * 1.2);
    }

    [Theory]
    [InlineData(0.975, 4_000)]
    [InlineData(0.99, 10_000)]
    public void The_reported_standard_error_is_the_spread_of_ES_over_independent_samples(double confidence, int losses)
    {
        // What the standard error claims, checked against what it describes: ES estimated on 400 independent
        // samples of standard-normal losses spreads (standard deviation across samples) as the reported error says.
        // With 400 samples the spread itself is known to about 1/√800 ≈ 3.5%; the asymptotic formula at tail
        // counts of 100 is good to a few percent more, hence ±15%.
        const int Samples = 400;
        var estimates = new double[Samples];
        var reported = new double[Samples];
        for (var k = 0; k < Samples; k++)
        {
            var risk = TailRisk.FromLosses(NormalLosses.Draw(losses, (ulong)(1_000 + k)), confidence);
            estimates[k] = risk.ExpectedShortfall;
            reported[k] = risk.ExpectedShortfallStdError;
        }

        var mean = estimates.Average();
        var spread = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (Samples - 1));

        Assert.InRange(reported.Average() / spread, 0.85, 1.15);
    }
}
