using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

/// <summary>
/// Black–Scholes–Merton prices against Haug (1998) as tabulated in QuantLib's europeanoption.cpp testValues
/// (docs/test-vectors.md §1). The book has 4 decimals, so it is checked at QuantLib's 1e-4; the closed-form column
/// (full double precision) is checked at 1e-9.
/// </summary>
public class HaugPriceTests
{
    private const double Call = 1.0;
    private const double Put = -1.0;

    [Theory]
    // omega, strike, spot, dividendYield, rate, years, vol, Haug (published), closed form (computed)
    [InlineData(Call, 65.0, 60.0, 0.00, 0.08, 0.25, 0.30, 2.1334, 2.1333684449)]
    [InlineData(Put, 95.0, 100.0, 0.05, 0.10, 0.50, 0.20, 2.4648, 2.4647876468)]
    [InlineData(Put, 19.0, 19.0, 0.10, 0.10, 0.75, 0.28, 1.7011, 1.7010507252)]
    [InlineData(Call, 19.0, 19.0, 0.10, 0.10, 0.75, 0.28, 1.7011, 1.7010507252)]
    [InlineData(Call, 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291, 0.0290992531)]
    [InlineData(Put, 70.0, 75.0, 0.05, 0.10, 0.50, 0.35, 4.0870, 4.0869538286)]
    [InlineData(Call, 40.0, 42.0, 0.08, 0.04, 0.75, 0.35, 5.0975, 5.0975477177)]
    // p. 24 grid: K = 100, q = r = 0.10
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.10, 0.15, 0.0205, 0.0204901485)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.10, 0.15, 9.9210, 9.9209884860)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.10, 0.15, 1.8734, 1.8733445728)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.10, 0.15, 1.8734, 1.8733445728)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.10, 0.15, 9.9413, 9.9412773955)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.10, 0.15, 0.0408, 0.0407790580)]
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.10, 0.25, 0.3150, 0.3150458008)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.10, 0.25, 10.2155, 10.2155441383)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.10, 0.25, 3.1217, 3.1217206982)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.10, 0.25, 3.1217, 3.1217206982)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.10, 0.25, 10.3556, 10.3555521365)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.10, 0.25, 0.4551, 0.4550537990)]
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.10, 0.35, 0.9474, 0.9474175344)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.10, 0.35, 10.8479, 10.8479158719)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.10, 0.35, 4.3693, 4.3693168485)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.10, 0.35, 4.3693, 4.3693168485)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.10, 0.35, 11.1381, 11.1381251606)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.10, 0.35, 1.2376, 1.2376268231)]
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.50, 0.15, 0.8069, 0.8068924137)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.50, 0.15, 10.3192, 10.3191866587)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.50, 0.15, 4.0232, 4.0231670486)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.50, 0.15, 4.0232, 4.0231670486)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.50, 0.15, 10.5769, 10.5768577868)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.50, 0.15, 1.0646, 1.0645635418)]
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.50, 0.25, 2.7026, 2.7025937304)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.50, 0.25, 12.2149, 12.2148879754)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.50, 0.25, 6.6997, 6.6996969635)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.50, 0.25, 6.6997, 6.6996969635)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.50, 0.25, 12.7857, 12.7856789298)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.50, 0.25, 3.2734, 3.2733846848)]
    [InlineData(Call, 100.0, 90.0, 0.10, 0.10, 0.50, 0.35, 4.9329, 4.9328774305)]
    [InlineData(Put, 100.0, 90.0, 0.10, 0.10, 0.50, 0.35, 14.4452, 14.4451716755)]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.50, 0.35, 9.3679, 9.3678766464)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.50, 0.35, 9.3679, 9.3678766464)]
    [InlineData(Call, 100.0, 110.0, 0.10, 0.10, 0.50, 0.35, 15.3086, 15.3085997611)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.50, 0.35, 5.7963, 5.7963055161)]
    public void Price_matches_Haug_to_four_decimals_and_the_closed_form_to_1e9(
        double omega, double strike, double spot, double dividendYield, double rate, double years, double vol,
        double haug, double closedForm)
    {
        var price = BlackScholes.Price(omega, spot, strike, years, rate, dividendYield, vol);

        // 1e-4 is QuantLib's tolerance for the 4-decimal book; the 1.8734 rows sit 5.5e-5 from the closed form.
        Assert.Equal(haug, price, 1e-4);
        Assert.Equal(closedForm, price, 1e-9);
    }

    [Theory]
    [InlineData(Call, 100.0, 100.0, 0.10, 0.10, 0.10, 0.15, 1.8733445728)]
    [InlineData(Put, 100.0, 100.0, 0.10, 0.10, 0.10, 0.15, 1.8733445728)]
    [InlineData(Put, 100.0, 110.0, 0.10, 0.10, 0.50, 0.35, 5.7963055161)]
    public void Greeks_price_equals_Price(
        double omega, double strike, double spot, double dividendYield, double rate, double years, double vol, double closedForm)
    {
        var greeks = BlackScholes.Greeks(omega, spot, strike, years, rate, dividendYield, vol);

        Assert.Equal(BlackScholes.Price(omega, spot, strike, years, rate, dividendYield, vol), greeks.Price, 1e-12);
        Assert.Equal(closedForm, greeks.Price, 1e-9);
    }
}
