using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

public class PutCallParityTests
{
    [Theory]
    [InlineData(100.0, 100.0, 0.5, 0.05, 0.02, 0.20)]
    [InlineData(100.0, 60.0, 2.0, 0.03, 0.00, 0.35)]
    [InlineData(100.0, 150.0, 0.1, 0.10, 0.10, 0.15)]
    [InlineData(1.56, 1.60, 0.5, 0.06, 0.08, 0.12)]
    [InlineData(430.0, 405.0, 1.0 / 12.0, 0.07, 0.05, 0.80)]
    [InlineData(50.0, 55.0, 5.0, -0.01, 0.03, 0.05)]
    public void Call_minus_put_equals_discounted_forward_minus_discounted_strike(
        double spot, double strike, double years, double rate, double dividendYield, double vol)
    {
        var call = BlackScholes.Price(1.0, spot, strike, years, rate, dividendYield, vol);
        var put = BlackScholes.Price(-1.0, spot, strike, years, rate, dividendYield, vol);

        var forwardMinusStrike = spot * Math.Exp(-dividendYield * years) - strike * Math.Exp(-rate * years);

        Assert.Equal(forwardMinusStrike, call - put, 1e-10);
    }

    [Theory]
    [InlineData(100.0, 100.0, 0.5, 0.05, 0.02, 0.20)]
    [InlineData(100.0, 120.0, 1.0, 0.03, 0.01, 0.40)]
    public void Call_delta_minus_put_delta_is_the_dividend_discount(
        double spot, double strike, double years, double rate, double dividendYield, double vol)
    {
        var call = BlackScholes.Greeks(1.0, spot, strike, years, rate, dividendYield, vol);
        var put = BlackScholes.Greeks(-1.0, spot, strike, years, rate, dividendYield, vol);

        Assert.Equal(Math.Exp(-dividendYield * years), call.Delta - put.Delta, 1e-14);
        Assert.Equal(call.Gamma, put.Gamma, 1e-15);
        Assert.Equal(call.Vega, put.Vega, 1e-12);
    }
}
