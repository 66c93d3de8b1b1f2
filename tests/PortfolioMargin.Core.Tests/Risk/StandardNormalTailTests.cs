using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>
/// VaR and ES of 1,000,000 standard-normal losses against the closed forms of docs/test-vectors.md §3.1
/// (VaR = z_α, ES = φ(z_α)/(1 − α)), each within 4 standard errors: ES by the estimator's own reported standard error,
/// VaR by the asymptotic quantile standard error √(α(1−α))/(φ(z_α)√N).
/// </summary>
public class StandardNormalTailTests
{
    private const int PathCount = 1_000_000;

    private static readonly Lazy<double[]> Losses = new(() => NormalLosses.Draw(PathCount, 20261124));

    [Theory]
    [InlineData(0.99, 2.326348, 2.665214)]
    [InlineData(0.975, 1.959964, 2.337803)]
    public void VaR_and_ES_match_the_closed_form_within_four_standard_errors(double confidence, double valueAtRisk, double expectedShortfall)
    {
        var risk = TailRisk.FromLosses(Losses.Value, confidence);

        var quantileStdError = Math.Sqrt(confidence * (1.0 - confidence)) / (NormalDistribution.Density(valueAtRisk) * Math.Sqrt(PathCount));
        Assert.True(
            Math.Abs(risk.ValueAtRisk - valueAtRisk) <= 4.0 * quantileStdError,
            $"VaR {risk.ValueAtRisk} vs {valueAtRisk}, standard error {quantileStdError}");
        Assert.True(
            Math.Abs(risk.ExpectedShortfall - expectedShortfall) <= 4.0 * risk.ExpectedShortfallStdError,
            $"ES {risk.ExpectedShortfall} vs {expectedShortfall}, standard error {risk.ExpectedShortfallStdError}");
    }
}
