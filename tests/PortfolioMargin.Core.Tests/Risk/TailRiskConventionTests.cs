using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>
/// Pins the order-statistic convention on the five P&amp;Ls of test-vectors.md §2.8 ([−10, −5, −2, 1, 4], i.e. losses
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

    [Fact]
    public void Standard_error_follows_the_Yamai_Yoshiba_formula()
    {
        // Var(ÊS) ≈ [Var(L | L ≥ VaR) + α(ES − VaR)²] / tail count.
        var error = TailRisk.StdError(0.99, 2.0, 2.5, 0.16, 100);

        Assert.Equal(Math.Sqrt((0.16 + 0.99 * 0.25) / 100.0), error, 1e-15);
    }
}
