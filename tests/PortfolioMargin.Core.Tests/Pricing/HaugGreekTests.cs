using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

/// <summary>
/// Analytic Greeks against Haug pp. 11–16 as tabulated in QuantLib's europeanoption.cpp testGreekValues
/// (docs/test-vectors.md §2): vega per 1.00 of vol, theta per year and per calendar day (/365). The book is checked at
/// QuantLib's 1e-4, the closed-form column at 1e-9.
/// </summary>
public class HaugGreekTests
{
    private const double Call = 1.0;
    private const double Put = -1.0;

    [Theory]
    // greek, omega, strike, spot, dividendYield, rate, years, vol, Haug (published), closed form (computed)
    [InlineData("delta", Call, 100.0, 105.0, 0.10, 0.10, 0.5, 0.36, 0.5946, 0.5946286597)]
    [InlineData("delta", Put, 100.0, 105.0, 0.10, 0.10, 0.5, 0.36, -0.3566, -0.3566007648)]
    [InlineData("elasticity", Put, 100.0, 105.0, 0.10, 0.10, 0.5, 0.36, -4.8775, -4.8774985413)]
    [InlineData("gamma", Call, 60.0, 55.0, 0.00, 0.10, 0.75, 0.30, 0.0278, 0.0278211605)]
    [InlineData("gamma", Put, 60.0, 55.0, 0.00, 0.10, 0.75, 0.30, 0.0278, 0.0278211605)]
    [InlineData("vega", Call, 60.0, 55.0, 0.00, 0.10, 0.75, 0.30, 18.9358, 18.9357773496)]
    [InlineData("vega", Put, 60.0, 55.0, 0.00, 0.10, 0.75, 0.30, 18.9358, 18.9357773496)]
    [InlineData("thetaPerYear", Put, 405.0, 430.0, 0.05, 0.07, 1.0 / 12.0, 0.20, -31.1924, -31.1923503043)]
    [InlineData("thetaPerDay", Put, 405.0, 430.0, 0.05, 0.07, 1.0 / 12.0, 0.20, -0.0855, -0.0854584940)]
    public void Greek_matches_Haug_to_four_decimals_and_the_closed_form_to_1e9(
        string greek, double omega, double strike, double spot, double dividendYield, double rate, double years, double vol,
        double haug, double closedForm)
    {
        var greeks = BlackScholes.Greeks(omega, spot, strike, years, rate, dividendYield, vol);
        var value = greek switch
        {
            "delta" => greeks.Delta,
            "elasticity" => greeks.Delta * spot / greeks.Price,
            "gamma" => greeks.Gamma,
            "vega" => greeks.Vega,
            "thetaPerYear" => greeks.ThetaPerYear,
            "thetaPerDay" => greeks.ThetaPerYear / 365.0,
            _ => throw new ArgumentException($"unknown greek {greek}", nameof(greek)),
        };

        Assert.Equal(haug, value, 1e-4);
        Assert.Equal(closedForm, value, 1e-9);
    }
}
