using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>
/// Log-gamma and the incomplete gamma and beta functions against closed forms; where none exists, against values
/// computed with mpmath 1.3 at 30 significant digits (tagged "mpmath").
/// </summary>
public class SpecialFunctionsTests
{
    [Fact]
    public void Log1P_keeps_the_digits_that_log_of_one_plus_x_loses()
    {
        // ln(1 + x) = x − x²/2 + x³/3 − …
        Assert.Equal(1e-10 - 5e-21, SpecialFunctions.Log1P(1e-10), 1e-26);
        Assert.Equal(-0.01005033585350144118, SpecialFunctions.Log1P(-0.01), 1e-17);
        Assert.Equal(Math.Log(3.0), SpecialFunctions.Log1P(2.0), 1e-15);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.5, 0.572364942924700087)] // ln √π
    [InlineData(10.0, 12.8018274800814696)] // ln 9!
    [InlineData(100.0, 359.134205369575399)] // ln 99!, mpmath
    public void Log_gamma_matches_factorials_and_the_half_integer_value(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-13 * Math.Max(1.0, expected));
    }

    [Fact]
    public void Log_gamma_keeps_relative_precision_for_large_arguments()
    {
        // mpmath: ln Γ(5000.5) = 37586.8848872810584921.
        Assert.Equal(37586.8848872810584921, SpecialFunctions.LogGamma(5000.5), 37586.9 * 1e-14);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.9)]
    [InlineData(4.0)]
    [InlineData(12.5)]
    [InlineData(60.0)]
    public void Incomplete_gamma_of_integer_order_is_the_poisson_tail(double x)
    {
        // Q(n, x) = e^{−x} Σ_{k<n} x^k / k! for integer n.
        for (var order = 1; order <= 6; order++)
        {
            var sum = 0.0;
            var term = 1.0;
            for (var k = 0; k < order; k++)
            {
                sum += term;
                term *= x / (k + 1);
            }

            var expected = Math.Exp(-x) * sum;
            Assert.Equal(expected, SpecialFunctions.RegularizedGammaUpper(order, x), 1e-13 * Math.Max(expected, 1e-300) + 1e-300);
            Assert.Equal(1.0 - expected, SpecialFunctions.RegularizedGammaLower(order, x), 1e-13);
        }
    }

    [Fact]
    public void Incomplete_gamma_of_half_integer_order_matches_mpmath_on_both_branches()
    {
        // Series branch (x < a + 1) and continued-fraction branch; mpmath.
        Assert.Equal(0.361430076896204910, SpecialFunctions.RegularizedGammaLower(2.5, 1.7), 1e-14);
        Assert.Equal(0.0122154529583076250, SpecialFunctions.RegularizedGammaUpper(2.5, 7.3), 1e-15);
    }

    [Theory]
    [InlineData(0.2, 3.0)]
    [InlineData(0.7, 0.5)]
    [InlineData(0.95, 40.0)]
    public void Incomplete_beta_with_a_unit_parameter_has_its_closed_form(double x, double shape)
    {
        // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
        Assert.Equal(1.0 - Math.Pow(1.0 - x, shape), SpecialFunctions.RegularizedBeta(1.0, shape, x), 1e-13);
        Assert.Equal(Math.Pow(x, shape), SpecialFunctions.RegularizedBeta(shape, 1.0, x), 1e-13);
    }

    [Fact]
    public void Incomplete_beta_matches_mpmath_and_its_symmetry()
    {
        Assert.Equal(0.486904191526117398, SpecialFunctions.RegularizedBeta(2.5, 3.5, 0.4), 1e-14);
        Assert.Equal(0.756418682731543582, SpecialFunctions.RegularizedBeta(300, 700, 0.31), 1e-11);
        var direct = SpecialFunctions.RegularizedBeta(7.0, 2.0, 0.6);
        Assert.Equal(1.0 - direct, SpecialFunctions.RegularizedBeta(2.0, 7.0, 0.4), 1e-14);
    }
}
