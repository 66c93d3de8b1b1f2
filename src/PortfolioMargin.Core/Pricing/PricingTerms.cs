using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Pricing;

/// <summary>
/// Everything in an instrument's price that does not depend on the scenario's spot and ATM vol, computed once per
/// instrument and valuation date: the carry e^{(r−q)τ}, the discount factors, √τ and ln K − (r−q)τ. Revaluing one
/// path then costs one logarithm and the two normal CDFs, against eight transcendental calls for the textbook
/// formula in <see cref="BlackScholes.Price"/>, which stays the reference it is tested against.
/// </summary>
public readonly struct PricingTerms
{
    public readonly int Type;
    public readonly double Omega;
    public readonly double Strike;

    /// <summary>τ, years from the valuation date to expiry; at or below zero the instrument settles.</summary>
    public readonly double Years;

    public readonly double Carry;
    public readonly double DividendDiscount;
    public readonly double RateDiscount;
    public readonly double SqrtYears;

    /// <summary>ln K − (r − q)τ, so that ln(K/F) = this − ln S.</summary>
    public readonly double LogStrikeLessCarry;

    public readonly double Skew;
    public readonly double Smile;

    private PricingTerms(int type, double omega, double strike, double years, double rate, double dividendYield, double skew, double smile)
    {
        Type = type;
        Omega = omega;
        Strike = strike;
        Years = years;
        Skew = skew;
        Smile = smile;
        var live = years > 0.0;
        Carry = live ? Math.Exp((rate - dividendYield) * years) : 1.0;
        DividendDiscount = live ? Math.Exp(-dividendYield * years) : 1.0;
        RateDiscount = live ? Math.Exp(-rate * years) : 1.0;
        SqrtYears = live ? Math.Sqrt(years) : 0.0;
        LogStrikeLessCarry = type == (int)InstrumentType.Option && live ? Math.Log(strike) - (rate - dividendYield) * years : 0.0;
    }

    /// <summary>Terms prepared elsewhere (on the host, for a device table), field for field.</summary>
    public PricingTerms(
        int type, double omega, double strike, double years, double carry, double dividendDiscount, double rateDiscount,
        double sqrtYears, double logStrikeLessCarry, double skew, double smile)
    {
        Type = type;
        Omega = omega;
        Strike = strike;
        Years = years;
        Carry = carry;
        DividendDiscount = dividendDiscount;
        RateDiscount = rateDiscount;
        SqrtYears = sqrtYears;
        LogStrikeLessCarry = logStrikeLessCarry;
        Skew = skew;
        Smile = smile;
    }

    /// <param name="type">An <see cref="InstrumentType"/> code.</param>
    /// <param name="omega">+1 call, −1 put (ignored unless an option).</param>
    public static PricingTerms Prepare(int type, double omega, double strike, double years, double rate, double dividendYield, double skew, double smile) =>
        new(type, omega, strike, years, rate, dividendYield, skew, smile);

    /// <summary>
    /// Unit value at a scenario: spot S; future S·e^{(r−q)τ} (S once expired); option by Black–Scholes–Merton at
    /// the smile vol σ(K) = max(0.01, σ_ATM + skew·k + smile·k²), k = ln(K/F)/√τ, using
    /// d1 = ln(F/K)/(σ√τ) + σ√τ/2 (intrinsic once expired).
    /// </summary>
    public double UnitValue(double spot, double atmVol) =>
        UnitValue(spot, Type == (int)InstrumentType.Option && Years > 0.0 ? Math.Log(spot) : 0.0, atmVol);

    /// <summary>
    /// As <see cref="UnitValue(double, double)"/> with ln S given: every option on an underlying shares it on a
    /// path, so a caller revaluing many instruments takes the logarithm once per underlying and path.
    /// </summary>
    public double UnitValue(double spot, double logSpot, double atmVol)
    {
        if (Type == (int)InstrumentType.Spot)
        {
            return spot;
        }

        if (Type == (int)InstrumentType.Future)
        {
            return spot * Carry;
        }

        if (Years <= 0.0)
        {
            return Math.Max(Omega * (spot - Strike), 0.0);
        }

        var logStrikeOverForward = LogStrikeLessCarry - logSpot;
        var k = logStrikeOverForward / SqrtYears;
        var vol = Math.Max(Market.VolSmile.FloorVol, atmVol + Skew * k + Smile * k * k);
        var sd = vol * SqrtYears;
        var d1 = -logStrikeOverForward / sd + 0.5 * sd;
        var d2 = d1 - sd;
        return Omega * (spot * DividendDiscount * NormalDistribution.Cdf(Omega * d1)
                        - Strike * RateDiscount * NormalDistribution.Cdf(Omega * d2));
    }
}
