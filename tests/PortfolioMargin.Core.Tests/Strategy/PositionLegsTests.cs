using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Positions in, strategy margin per account out, through the one adapter.</summary>
public sealed class PositionLegsTests
{
    [Fact]
    public void Positions_become_legs_grouped_by_account_and_underlying_and_each_account_sums_its_underlyings()
    {
        Position[] positions =
        [
            new("B", Instrument.Of(InstrumentType.Option, "IBM", 100.0, April, OptionRight.Call), -100, 100, 3),
            new("A", Instrument.Of(InstrumentType.Spot, "IBM", null, null, null), 10_000, 1, 1),
            new("A", Instrument.Of(InstrumentType.Option, "IBM", 100.0, April, OptionRight.Call), -100, 100, 2),
            new("A", Instrument.Of(InstrumentType.Future, "SPX", null, June, null), 2, 50, 4),
        ];
        double[] unitPrices = [1.68, 97.73, 1.68, 1450.0];
        var underlyings = new Dictionary<string, StrategyUnderlying> { ["IBM"] = Ibm, ["SPX"] = Spx };

        var holdings = PositionLegs.Group(positions, unitPrices);
        var accounts = StrategyMarginCalculator.ForBook(holdings, underlyings, Parameters);

        Assert.Equal([("A", "IBM"), ("A", "SPX"), ("B", "IBM")], holdings.Select(h => (h.Account, h.Underlying)));
        Assert.Equal(["A", "B"], accounts.Select(a => a.Account));
        Assert.Equal(471_850.0 + (0.15 * 2 * 50 * 1450.0), accounts[0].StrategyMargin, Tolerance);
        Assert.Equal(172_760.0, accounts[1].StrategyMargin, Tolerance);
        Assert.Equal(["covered_call"], accounts[0].Underlyings[0].Strategies.Select(s => s.TypeName));
        Assert.True(accounts[0].ProvenOptimal);
    }

    [Fact]
    public void Unit_prices_must_match_positions_one_to_one()
    {
        Position[] positions = [new("A", Instrument.Of(InstrumentType.Spot, "IBM", null, null, null), 100, 1, 1)];

        var error = Assert.Throws<ArgumentException>(() => PositionLegs.Group(positions, [1.0, 2.0]));

        Assert.Equal("unitPrices", error.ParamName);
    }

    [Fact]
    public void Account_holding_an_underlying_without_a_spot_is_rejected()
    {
        var holdings = new[] { new StrategyHolding("A", "XYZ", [StrategyLeg.Spot(1, 10.0)]) };

        var error = Assert.Throws<ArgumentException>(() =>
            StrategyMarginCalculator.ForBook(holdings, new Dictionary<string, StrategyUnderlying>(), Parameters));

        Assert.Contains("XYZ", error.Message);
    }
}
