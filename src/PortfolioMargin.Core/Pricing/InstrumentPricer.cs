using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Pricing;

/// <summary>
/// Value of one unit of an instrument (before quantity × multiplier) given the spot and the ATM vol. The kernels
/// and the host both price through <see cref="PricingTerms"/>: one pricing formula for every path and for t = 0.
/// </summary>
public static class InstrumentPricer
{
    /// <param name="type">An <see cref="InstrumentType"/> code.</param>
    /// <param name="omega">+1 call, −1 put (ignored unless an option).</param>
    /// <param name="years">Time from the valuation date to expiry; at or below zero an option is its payoff and a future its spot.</param>
    public static double UnitValue(
        int type, double omega, double strike, double years,
        double spot, double atmVol, double skew, double smile, double rate, double dividendYield) =>
        PricingTerms.Prepare(type, omega, strike, years, rate, dividendYield, skew, smile).UnitValue(spot, atmVol);

    /// <summary>
    /// Per-unit sensitivities at the given state: delta, gamma in underlying units, vega per 1.00 of ATM vol (the
    /// smile moves in parallel, so ∂σ(K)/∂σ_ATM = 1 above the floor), theta per year. Options use their smile vol
    /// held at its strike (sticky strike).
    /// </summary>
    public static OptionGreeks UnitGreeks(
        int type, double omega, double strike, double years,
        double spot, double atmVol, double skew, double smile, double rate, double dividendYield)
    {
        if (type == (int)InstrumentType.Spot)
        {
            return new OptionGreeks(spot, 1.0, 0.0, 0.0, 0.0);
        }

        if (type == (int)InstrumentType.Future)
        {
            if (years <= 0.0)
            {
                return new OptionGreeks(spot, 1.0, 0.0, 0.0, 0.0);
            }

            var carry = Math.Exp((rate - dividendYield) * years);
            return new OptionGreeks(spot * carry, carry, 0.0, 0.0, -(rate - dividendYield) * spot * carry);
        }

        var forward = spot * Math.Exp((rate - dividendYield) * Math.Max(years, 0.0));
        var vol = years > 0.0 ? VolSmile.ImpliedVol(atmVol, skew, smile, strike, forward, years) : atmVol;
        var greeks = BlackScholes.Greeks(omega, spot, strike, years, rate, dividendYield, vol);
        var floored = years > 0.0 && vol <= VolSmile.FloorVol;
        return floored ? greeks with { Vega = 0.0 } : greeks;
    }
}
