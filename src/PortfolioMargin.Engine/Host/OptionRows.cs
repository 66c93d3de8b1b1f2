using System.Numerics;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Engine.Host;

/// <summary>
/// One live option revalued across a row of paths, <see cref="Vector{T}.Count"/> paths at a time: the arithmetic
/// of <see cref="PricingTerms.UnitValue(double, double, double)"/> and <see cref="NormalDistribution.Cdf"/>, the
/// same operations in the same order lane by lane (no fused multiply-adds), with the exponentials taken by
/// <see cref="Math.Exp"/> per lane. So every value is bit for bit the scalar one, which the ILGPU kernels compute,
/// while the branches become selects (the sign of d1 is a coin toss per path, a branch predictor's worst case) and
/// the divisions and polynomials run on full vector registers.
/// </summary>
internal static class OptionRows
{
    /// <summary>row[p] = terms.UnitValue(spot[p], logSpot[p], vol[p]) − baseValue, for a live option (τ &gt; 0).</summary>
    public static void Revalue(
        in PricingTerms terms, ReadOnlySpan<double> spots, ReadOnlySpan<double> logSpots, ReadOnlySpan<double> vols, double baseValue, Span<double> row)
    {
        var width = Vector<double>.Count;
        var logStrikeLessCarry = new Vector<double>(terms.LogStrikeLessCarry);
        var sqrtYears = new Vector<double>(terms.SqrtYears);
        var skew = new Vector<double>(terms.Skew);
        var smile = new Vector<double>(terms.Smile);
        var floor = new Vector<double>(VolSmile.FloorVol);
        var half = new Vector<double>(0.5);
        var omega = new Vector<double>(terms.Omega);
        var dividendDiscount = new Vector<double>(terms.DividendDiscount);
        var strikeDiscounted = new Vector<double>(terms.Strike * terms.RateDiscount);
        var unitValueAtBase = new Vector<double>(baseValue);
        Span<double> lanes = stackalloc double[2 * width];
        var p = 0;
        for (; p <= row.Length - width; p += width)
        {
            var spot = new Vector<double>(spots[p..]);
            var logStrikeOverForward = logStrikeLessCarry - new Vector<double>(logSpots[p..]);
            var k = logStrikeOverForward / sqrtYears;
            var smiled = new Vector<double>(vols[p..]) + skew * k + smile * k * k;

            // Math.Max(floor, σ): the floor where σ is below it, σ itself otherwise (a NaN stays a NaN).
            var vol = Vector.ConditionalSelect(Vector.LessThan(smiled, floor), floor, smiled);
            var sd = vol * sqrtYears;
            var d1 = -logStrikeOverForward / sd + half * sd;
            var d2 = d1 - sd;
            var x1 = omega * d1;
            var x2 = omega * d2;
            var z1 = Vector.Abs(x1);
            var z2 = Vector.Abs(x2);
            var exponent1 = new Vector<double>(-0.5) * z1 * z1;
            var exponent2 = new Vector<double>(-0.5) * z2 * z2;
            exponent1.CopyTo(lanes);
            exponent2.CopyTo(lanes[width..]);
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = Math.Exp(lanes[lane]);
            }

            var cdf1 = Cdf(x1, z1, new Vector<double>(lanes));
            var cdf2 = Cdf(x2, z2, new Vector<double>(lanes[width..]));
            var value = omega * (spot * dividendDiscount * cdf1 - strikeDiscounted * cdf2);
            (value - unitValueAtBase).CopyTo(row[p..]);
        }

        for (; p < row.Length; p++)
        {
            row[p] = terms.UnitValue(spots[p], logSpots[p], vols[p]) - baseValue;
        }
    }

    /// <summary>
    /// <see cref="NormalDistribution.Cdf"/> on a vector: x, z = |x| and e = exp(−z²/2) given. Both of the scalar
    /// code's branches are computed where a lane needs them and the lane's own is selected.
    /// </summary>
    private static Vector<double> Cdf(Vector<double> x, Vector<double> z, Vector<double> e)
    {
        var nearBound = new Vector<double>(7.07106781186547);
        var near = Vector.LessThan(z, nearBound);
        var z2 = z * z;
        var z4 = z2 * z2;
        var num = (new Vector<double>(220.206867912376) + new Vector<double>(221.213596169931) * z)
                  + z2 * (new Vector<double>(112.079291497871) + new Vector<double>(33.912866078383) * z)
                  + z4 * ((new Vector<double>(6.37396220353165) + new Vector<double>(0.700383064443688) * z) + z2 * new Vector<double>(3.52624965998911E-02));
        var den = (new Vector<double>(440.413735824752) + new Vector<double>(793.826512519948) * z)
                  + z2 * (new Vector<double>(637.333633378831) + new Vector<double>(296.564248779674) * z)
                  + z4 * ((new Vector<double>(86.7807322029461) + new Vector<double>(16.064177579207) * z) + z2 * (new Vector<double>(1.75566716318264) + new Vector<double>(8.83883476483184E-02) * z));
        var tail = e * num / den;

        // The far tail's continued fraction, only when some lane is out there (or is NaN, which takes it too).
        if (!Vector.LessThanAll(z, nearBound))
        {
            var cf = z + new Vector<double>(0.65);
            cf = z + new Vector<double>(4.0) / cf;
            cf = z + new Vector<double>(3.0) / cf;
            cf = z + new Vector<double>(2.0) / cf;
            cf = z + Vector<double>.One / cf;
            tail = Vector.ConditionalSelect(near, tail, e / cf / new Vector<double>(2.506628274631));
        }

        tail = Vector.ConditionalSelect(Vector.GreaterThan(z, new Vector<double>(37.0)), Vector<double>.Zero, tail);
        return Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<double>.Zero), Vector<double>.One - tail, tail);
    }
}
