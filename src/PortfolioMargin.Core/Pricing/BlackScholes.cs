namespace PortfolioMargin.Core.Pricing;

/// <summary>
/// Black–Scholes–Merton for a European option on a spot paying a continuous dividend yield q, with a
/// continuously compounded rate r. ω = +1 for a call, −1 for a put. Kernel-safe: System.Math only.
/// </summary>
public static class BlackScholes
{
    public static double Price(double omega, double spot, double strike, double years, double rate, double dividendYield, double vol)
    {
        if (years <= 0.0)
        {
            return Math.Max(omega * (spot - strike), 0.0);
        }

        var sqrtT = Math.Sqrt(years);
        var sd = vol * sqrtT;
        var d1 = (Math.Log(spot / strike) + (rate - dividendYield) * years) / sd + 0.5 * sd;
        var d2 = d1 - sd;
        var discountedSpot = spot * Math.Exp(-dividendYield * years);
        var discountedStrike = strike * Math.Exp(-rate * years);
        return omega * (discountedSpot * NormalDistribution.Cdf(omega * d1) - discountedStrike * NormalDistribution.Cdf(omega * d2));
    }

    /// <summary>
    /// Analytic sensitivities per unit of the option: delta and gamma in units of the underlying, vega per 1.00 of
    /// vol, theta per year of calendar time passing (dV/dt = −dV/dT). At or after expiry the option is its payoff.
    /// </summary>
    public static OptionGreeks Greeks(double omega, double spot, double strike, double years, double rate, double dividendYield, double vol)
    {
        if (years <= 0.0)
        {
            var inTheMoney = omega * (spot - strike) > 0.0;
            return new OptionGreeks(Math.Max(omega * (spot - strike), 0.0), inTheMoney ? omega : 0.0, 0.0, 0.0, 0.0);
        }

        var sqrtT = Math.Sqrt(years);
        var sd = vol * sqrtT;
        var d1 = (Math.Log(spot / strike) + (rate - dividendYield) * years) / sd + 0.5 * sd;
        var d2 = d1 - sd;
        var dividendDiscount = Math.Exp(-dividendYield * years);
        var rateDiscount = Math.Exp(-rate * years);
        var density = NormalDistribution.Density(d1);
        var nd1 = NormalDistribution.Cdf(omega * d1);
        var nd2 = NormalDistribution.Cdf(omega * d2);

        var price = omega * (spot * dividendDiscount * nd1 - strike * rateDiscount * nd2);
        var delta = omega * dividendDiscount * nd1;
        var gamma = dividendDiscount * density / (spot * sd);
        var vega = spot * dividendDiscount * density * sqrtT;
        var theta = -spot * dividendDiscount * density * vol / (2.0 * sqrtT)
                    - omega * rate * strike * rateDiscount * nd2
                    + omega * dividendYield * spot * dividendDiscount * nd1;
        return new OptionGreeks(price, delta, gamma, vega, theta);
    }
}

/// <summary>Per-unit value and sensitivities: vega per 1.00 of vol, theta per year.</summary>
public readonly record struct OptionGreeks(double Price, double Delta, double Gamma, double Vega, double ThetaPerYear);
