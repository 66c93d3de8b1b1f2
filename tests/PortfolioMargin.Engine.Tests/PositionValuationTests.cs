using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

public sealed class PositionValuationTests
{
    [Fact]
    public void Pricing_each_instrument_once_gives_every_position_the_bits_of_pricing_it_alone()
    {
        var inputs = Books.Mixed(new RiskConfig());
        var market = inputs.Market;

        var shared = PositionValuation.Value(market, inputs.Positions);

        Assert.True(inputs.Positions.DistinctBy(p => (p.Type, p.Underlying, p.Strike, p.Expiry, p.Right)).Count() < inputs.Positions.Count, "the book repeats instruments");
        for (var i = 0; i < inputs.Positions.Count; i++)
        {
            var p = inputs.Positions[i];
            var u = market.Underlyings[market.IndexOf(p.Underlying)];
            var years = p.Expiry is { } expiry ? DayCount.YearFraction(market.AsOfDate, expiry) : 0.0;
            var g = InstrumentPricer.UnitGreeks(
                (int)p.Type, p.Right is { } right ? (int)right : 0.0, p.Strike ?? 0.0, years, u.Spot, u.AtmVol, u.Skew, u.Smile, market.Rate, u.DividendYield);
            var n = p.Notional;
            Assert.Equal(new PositionRisk(p, g.Price, g.Price * n, g.Delta * n, g.Gamma * n, g.Vega * 0.01 * n, g.ThetaPerYear / DayCount.DaysPerYear * n), shared[i]);
        }
    }
}
