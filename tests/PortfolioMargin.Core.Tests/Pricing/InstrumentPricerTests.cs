using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

public class InstrumentPricerTests
{
    private const int SpotType = (int)InstrumentType.Spot;
    private const int FutureType = (int)InstrumentType.Future;
    private const int OptionType = (int)InstrumentType.Option;

    [Theory]
    [InlineData(100.0, 0.5)]
    [InlineData(37.5, 0.0)]
    [InlineData(2500.0, -1.0)]
    public void Spot_is_worth_its_price(double spot, double years)
    {
        var value = InstrumentPricer.UnitValue(SpotType, 0.0, 0.0, years, spot, 0.3, -0.1, 0.05, 0.05, 0.02);

        Assert.Equal(spot, value);
    }

    [Theory]
    [InlineData(100.0, 0.5, 0.05, 0.02)]
    [InlineData(100.0, 2.0, 0.01, 0.04)]
    [InlineData(3000.0, 1.0 / 12.0, 0.07, 0.0)]
    public void Future_is_spot_carried_at_rate_minus_dividend_yield(double spot, double years, double rate, double dividendYield)
    {
        var value = InstrumentPricer.UnitValue(FutureType, 0.0, 0.0, years, spot, 0.3, -0.1, 0.05, rate, dividendYield);

        var expected = spot * Math.Exp((rate - dividendYield) * years);
        Assert.Equal(expected, value, 1e-12 * expected);
    }

    [Theory]
    [InlineData(1.0, 90.0, 0.0, 10.0)]
    [InlineData(1.0, 110.0, 0.0, 0.0)]
    [InlineData(-1.0, 110.0, 0.0, 10.0)]
    [InlineData(-1.0, 90.0, -0.25, 0.0)]
    [InlineData(1.0, 100.0, -0.25, 0.0)]
    public void Expired_option_is_worth_its_intrinsic_value(double omega, double strike, double years, double intrinsic)
    {
        var value = InstrumentPricer.UnitValue(OptionType, omega, strike, years, 100.0, 0.3, -0.1, 0.05, 0.05, 0.02);

        Assert.Equal(intrinsic, value);
    }

    [Theory]
    [InlineData(1.0, 80.0, 0.25)]
    [InlineData(1.0, 120.0, 1.0)]
    [InlineData(-1.0, 100.0, 0.5)]
    [InlineData(-1.0, 70.0, 2.0)]
    public void Option_without_skew_or_smile_is_Black_Scholes_at_the_ATM_vol(double omega, double strike, double years)
    {
        const double spot = 100.0;
        const double atmVol = 0.27;
        const double rate = 0.04;
        const double dividendYield = 0.01;

        var value = InstrumentPricer.UnitValue(OptionType, omega, strike, years, spot, atmVol, 0.0, 0.0, rate, dividendYield);
        var greeks = InstrumentPricer.UnitGreeks(OptionType, omega, strike, years, spot, atmVol, 0.0, 0.0, rate, dividendYield);

        Assert.Equal(BlackScholes.Price(omega, spot, strike, years, rate, dividendYield, atmVol), value, 1e-12);
        Assert.Equal(BlackScholes.Greeks(omega, spot, strike, years, rate, dividendYield, atmVol), greeks);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void Huge_negative_skew_is_floored_at_one_vol_point(double omega)
    {
        const double spot = 100.0;
        const double strike = 130.0;
        const double years = 0.5;
        const double rate = 0.03;
        const double dividendYield = 0.0;
        var forward = spot * Math.Exp((rate - dividendYield) * years);
        Assert.Equal(VolSmile.FloorVol, VolSmile.ImpliedVol(0.2, -100.0, 0.0, strike, forward, years));

        var value = InstrumentPricer.UnitValue(OptionType, omega, strike, years, spot, 0.2, -100.0, 0.0, rate, dividendYield);
        var greeks = InstrumentPricer.UnitGreeks(OptionType, omega, strike, years, spot, 0.2, -100.0, 0.0, rate, dividendYield);

        Assert.Equal(0.01, VolSmile.FloorVol);
        Assert.Equal(BlackScholes.Price(omega, spot, strike, years, rate, dividendYield, 0.01), value, 1e-12);
        Assert.Equal(0.0, greeks.Vega);
    }

    [Fact]
    public void Option_value_uses_the_smile_vol_at_its_strike()
    {
        const double spot = 100.0;
        const double strike = 90.0;
        const double years = 0.75;
        const double rate = 0.05;
        const double dividendYield = 0.01;
        var forward = spot * Math.Exp((rate - dividendYield) * years);
        var k = Math.Log(strike / forward) / Math.Sqrt(years);
        var smileVol = 0.25 - 0.1 * k + 0.05 * k * k;

        var value = InstrumentPricer.UnitValue(OptionType, -1.0, strike, years, spot, 0.25, -0.1, 0.05, rate, dividendYield);

        Assert.Equal(BlackScholes.Price(-1.0, spot, strike, years, rate, dividendYield, smileVol), value, 1e-12);
    }

    [Theory]
    [InlineData(100.0, 0.5, 0.05, 0.02)]
    [InlineData(100.0, 0.0, 0.05, 0.02)]
    public void Future_greeks_are_carry_delta_and_no_gamma_or_vega(double spot, double years, double rate, double dividendYield)
    {
        var greeks = InstrumentPricer.UnitGreeks(FutureType, 0.0, 0.0, years, spot, 0.3, 0.0, 0.0, rate, dividendYield);

        var carry = Math.Exp((rate - dividendYield) * years);
        Assert.Equal(spot * carry, greeks.Price, 1e-12);
        Assert.Equal(carry, greeks.Delta, 1e-15);
        Assert.Equal(0.0, greeks.Gamma);
        Assert.Equal(0.0, greeks.Vega);
    }
}
