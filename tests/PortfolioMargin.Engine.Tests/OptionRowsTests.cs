using System.Numerics;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The host's vectorized option revaluation against the scalar formula the ILGPU kernels run: bit for bit, on
/// rows that take every branch of the normal CDF (near, far tail, beyond 37), the vol floor, both signs of d1,
/// and lengths that leave a scalar remainder.
/// </summary>
public sealed class OptionRowsTests
{
    public static TheoryData<double, double, double, double, double> Contracts() => new()
    {
        // omega, strike, years, skew, smile
        { 1.0, 100.0, 0.25, -0.1, 0.05 },
        { -1.0, 100.0, 0.25, -0.1, 0.05 },
        { 1.0, 40.0, 1.0 / 365.0, 0.0, 0.0 },     // deep in the money, a day left: |d| far beyond 7 and 37
        { -1.0, 300.0, 2.0 / 365.0, 0.0, 0.0 },
        { 1.0, 100.0, 3.0, -0.8, 0.0 },           // a steep skew pushes the smile vol under the floor
        { -1.0, 1e-3, 0.5, 0.2, 0.3 },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void A_row_is_the_scalar_unit_value_bit_for_bit(double omega, double strike, double years, double skew, double smile)
    {
        var terms = PricingTerms.Prepare((int)InstrumentType.Option, omega, strike, years, 0.03, 0.01, skew, smile);
        var random = new Random(7);
        var length = 16 * Vector<double>.Count + 3;
        var spots = new double[length];
        var vols = new double[length];
        for (var p = 0; p < length; p++)
        {
            // Spots from a tenth to ten times the strike, vols from nothing to 200%, and exact repeats of both.
            spots[p] = p % 5 == 0 ? strike : strike * Math.Exp(random.NextDouble() * 4.6 - 2.3);
            vols[p] = p % 7 == 0 ? 0.0 : random.NextDouble() * 2.0;
        }

        var logSpots = spots.Select(s => Math.Log(s)).ToArray();
        var row = new double[length];
        OptionRows.Revalue(terms, spots, logSpots, vols, baseValue: 1.25, row);

        var expected = Enumerable.Range(0, length).Select(p => terms.UnitValue(spots[p], logSpots[p], vols[p]) - 1.25).ToArray();
        Assert.Equal(expected.Select(v => BitConverter.DoubleToInt64Bits(v)), row.Select(v => BitConverter.DoubleToInt64Bits(v)));
        Assert.Contains(expected, v => v != expected[0]);
    }

    [Fact]
    public void A_NaN_vol_stays_NaN_in_its_lane_only()
    {
        var terms = PricingTerms.Prepare((int)InstrumentType.Option, 1.0, 100.0, 0.5, 0.03, 0.0, 0.0, 0.0);
        var length = 2 * Vector<double>.Count;
        var spots = Enumerable.Repeat(100.0, length).ToArray();
        var vols = Enumerable.Repeat(0.2, length).ToArray();
        vols[1] = double.NaN;
        var row = new double[length];

        OptionRows.Revalue(terms, spots, spots.Select(s => Math.Log(s)).ToArray(), vols, 0.0, row);

        Assert.True(double.IsNaN(row[1]));
        Assert.All(row.Where((_, p) => p != 1), v => Assert.Equal(terms.UnitValue(100.0, 0.2), v));
    }
}
