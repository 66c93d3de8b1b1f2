using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Core.Tests.Pricing;

/// <summary>
/// Analytic Greeks against central differences of <see cref="BlackScholes.Price"/> on a grid of calls and puts
/// (S = 100, K ∈ {80, 100, 120}, T ∈ {0.25, 1}, σ ∈ {0.2, 0.4}, so σ√T ≥ 0.1).
/// Each Greek is compared to 1e-6 (1e-5 for gamma) of its natural scale — 1 for delta, 1/(Sσ√T) for gamma,
/// S√T for vega, Sσ/(2√T) for theta — because a relative tolerance is meaningless where a Greek crosses zero.
/// Why those tolerances hold with h = 1e-4 of the variable: the central first difference errs by h²/6·|f'''|,
/// which with σ√T ≥ 0.1 is at most ~1e-7 of the scale; the second difference errs by h²/12·|f''''| ≈ (h/(Sσ√T))²
/// ≈ 1e-6 of gamma; rounding adds ε·V/h ≲ 1e-12 and 4ε·V/h² ≲ 1e-9.
/// </summary>
public class FiniteDifferenceGreekTests
{
    private const double Spot = 100.0;
    private const double Rate = 0.05;
    private const double DividendYield = 0.02;
    private const double RelativeStep = 1e-4;

    public static TheoryData<double, double, double, double> Grid()
    {
        var grid = new TheoryData<double, double, double, double>();
        foreach (var omega in new[] { 1.0, -1.0 })
        {
            foreach (var strike in new[] { 80.0, 100.0, 120.0 })
            {
                foreach (var years in new[] { 0.25, 1.0 })
                {
                    foreach (var vol in new[] { 0.2, 0.4 })
                    {
                        grid.Add(omega, strike, years, vol);
                    }
                }
            }
        }

        return grid;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Delta_equals_central_difference_in_spot(double omega, double strike, double years, double vol)
    {
        var h = RelativeStep * Spot;
        var difference = (Price(omega, Spot + h, strike, years, vol) - Price(omega, Spot - h, strike, years, vol)) / (2.0 * h);

        var delta = BlackScholes.Greeks(omega, Spot, strike, years, Rate, DividendYield, vol).Delta;

        Assert.Equal(difference, delta, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Gamma_equals_second_central_difference_in_spot(double omega, double strike, double years, double vol)
    {
        var h = RelativeStep * Spot;
        var difference = (Price(omega, Spot + h, strike, years, vol) - 2.0 * Price(omega, Spot, strike, years, vol)
                          + Price(omega, Spot - h, strike, years, vol)) / (h * h);
        var scale = 1.0 / (Spot * vol * Math.Sqrt(years));

        var gamma = BlackScholes.Greeks(omega, Spot, strike, years, Rate, DividendYield, vol).Gamma;

        Assert.Equal(difference, gamma, 1e-5 * scale);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Vega_equals_central_difference_in_vol(double omega, double strike, double years, double vol)
    {
        var h = RelativeStep * vol;
        var difference = (Price(omega, Spot, strike, years, vol + h) - Price(omega, Spot, strike, years, vol - h)) / (2.0 * h);
        var scale = Spot * Math.Sqrt(years);

        var vega = BlackScholes.Greeks(omega, Spot, strike, years, Rate, DividendYield, vol).Vega;

        Assert.Equal(difference, vega, 1e-6 * scale);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Theta_equals_minus_central_difference_in_expiry(double omega, double strike, double years, double vol)
    {
        var h = RelativeStep * years;
        var difference = -(Price(omega, Spot, strike, years + h, vol) - Price(omega, Spot, strike, years - h, vol)) / (2.0 * h);
        var scale = Spot * vol / (2.0 * Math.Sqrt(years));

        var theta = BlackScholes.Greeks(omega, Spot, strike, years, Rate, DividendYield, vol).ThetaPerYear;

        Assert.Equal(difference, theta, 1e-6 * scale);
    }

    private static double Price(double omega, double spot, double strike, double years, double vol) =>
        BlackScholes.Price(omega, spot, strike, years, Rate, DividendYield, vol);
}
