using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>The stress grid on the device equals a direct host revaluation of every grid point.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class StressGridTests(CpuAcceleratorFixture fixture)
{
    [Fact]
    public void Stress_grid_values_equal_direct_black_scholes_revaluation()
    {
        var inputs = Books.Mixed(new RiskConfig { Paths = 1_000 });
        var market = inputs.Market;
        var result = fixture.Engine().Run(inputs);

        foreach (var account in result.Accounts)
        {
            var worst = (Loss: double.NegativeInfinity, Price: 0.0, Vol: 0.0);
            foreach (var m in inputs.Config.PriceMoves)
            {
                foreach (var v in inputs.Config.VolMoves)
                {
                    var pnl = 0.0;
                    foreach (var p in inputs.Positions.Where(p => p.Account == account.Account))
                    {
                        var x = market.Underlyings[market.IndexOf(p.Underlying)];
                        var years = p.Expiry is { } e ? DayCount.YearFraction(market.AsOfDate, e) : 0.0;
                        var omega = p.Right is { } r ? (double)(int)r : 0.0;
                        var strike = p.Strike ?? 0.0;
                        var before = TextbookValue(p.Type, omega, strike, years, x.Spot, x.AtmVol, x.Skew, x.Smile, market.Rate, x.DividendYield);
                        var after = TextbookValue(p.Type, omega, strike, years, x.Spot * (1 + m), x.AtmVol * (1 + v), x.Skew, x.Smile, market.Rate, x.DividendYield);
                        pnl += p.Notional * (after - before);
                    }

                    if (-pnl > worst.Loss)
                    {
                        worst = (-pnl, m, v);
                    }
                }
            }

            if (!inputs.Positions.Any(p => p.Account == account.Account))
            {
                worst = (0.0, inputs.Config.PriceMoves[0], inputs.Config.VolMoves[0]);
            }

            Assert.Equal(worst.Loss, account.Stress.Loss, 1e-9 * Math.Max(1.0, Math.Abs(worst.Loss)));
            Assert.Equal(worst.Price, account.Stress.PriceMoveRelative);
            Assert.Equal(worst.Vol, account.Stress.VolMoveRelative);
        }
    }

    /// <summary>
    /// The unit value written out from the textbook, not through the engine's pricing terms (which the kernels
    /// share): spot S; future S·e^{(r−q)τ}; option by the eight-call Black–Scholes–Merton formula
    /// (<see cref="BlackScholes.Price"/>, checked against Haug's published values) at the smile vol
    /// max(0.01, σ + skew·k + smile·k²), k = ln(K/F)/√τ; intrinsic value once expired.
    /// </summary>
    private static double TextbookValue(
        Core.Portfolio.InstrumentType type, double omega, double strike, double years, double spot, double atmVol, double skew, double smile, double rate, double dividendYield)
    {
        switch (type)
        {
            case Core.Portfolio.InstrumentType.Spot:
                return spot;
            case Core.Portfolio.InstrumentType.Future:
                return years > 0 ? spot * Math.Exp((rate - dividendYield) * years) : spot;
            default:
                if (years <= 0)
                {
                    return Math.Max(omega * (spot - strike), 0.0);
                }

                var forward = spot * Math.Exp((rate - dividendYield) * years);
                var k = Math.Log(strike / forward) / Math.Sqrt(years);
                var vol = Math.Max(0.01, atmVol + skew * k + smile * k * k);
                return BlackScholes.Price(omega, spot, strike, years, rate, dividendYield, vol);
        }
    }

    [Fact]
    public void Short_put_worst_case_is_the_largest_down_move_with_vol_up()
    {
        var inputs = Books.Inputs(Books.Market(Books.Stock("S")), [Books.Option("SP", "S", Core.Portfolio.OptionRight.Put, 95, -10)],
            new RiskConfig { Paths = 1_000 });

        var account = fixture.Engine().Run(inputs).Accounts.Single();

        Assert.Equal(-0.15, account.Stress.PriceMoveRelative, 12);
        Assert.Equal(0.25, account.Stress.VolMoveRelative, 12);
    }
}
