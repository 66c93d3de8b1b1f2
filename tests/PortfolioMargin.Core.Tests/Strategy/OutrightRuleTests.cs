using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Positions held alone: stock, long options (docs/test-vectors.md §5.2 rows 17–18 [CBOE-SB]), futures.</summary>
public sealed class OutrightRuleTests
{
    [Fact]
    public void Long_option_up_to_nine_months_is_paid_in_full()
    {
        // Row 17: buy 1 call @ 2.50 with at most nine months to run: $250.
        var requirement = LongOptionRules.LongOption(2.50, 100.0, 1.0, Valuation.AddMonths(9), Valuation);

        Assert.Equal(250.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_listed_option_beyond_nine_months_needs_seventy_five_percent_of_cost()
    {
        // Row 18: buy 1 listed equity call @ 10.00 with more than nine months to run: 75% → $750.
        var requirement = LongOptionRules.LongOption(10.0, 100.0, 1.0, Valuation.AddMonths(9).AddDays(1), Valuation);

        Assert.Equal(750.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_stock_needs_half_its_value()
    {
        var requirement = StockRules.LongStock(97.73, 10_000.0);

        Assert.Equal(488_650.0, requirement.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(requirement.RequirementExcludingProceeds, requirement.RequirementIncludingPremium);
    }

    [Fact]
    public void Short_stock_holds_one_and_a_half_times_its_value_which_is_half_beyond_the_proceeds()
    {
        var requirement = StockRules.ShortStock(50.0, 1_000.0);

        Assert.Equal(75_000.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(50_000.0, requirement.ShortProceeds, Tolerance);
        Assert.Equal(25_000.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Future_is_charged_its_fraction_of_notional_long_or_short()
    {
        var rates = new FuturesMarginRates(0.15, new Dictionary<string, double> { ["ES"] = 0.05 });
        var parameters = new StrategyParameters(Valuation, rates);
        var es = new StrategyUnderlying("ES", 5000.0, isBroadBasedIndex: true);
        var cl = new StrategyUnderlying("CL", 80.0, isBroadBasedIndex: false);

        var index = StrategyPairing.Optimize([StrategyLeg.Future(-2, 5000.0, 50.0, June)], es, parameters);
        var oil = StrategyPairing.Optimize([StrategyLeg.Future(3, 80.0, 1000.0, June)], cl, parameters);

        Assert.Equal(0.05 * 2 * 50.0 * 5000.0, index.Total.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["short_futurex2"], Shapes(index));
        Assert.Equal(0.15 * 3 * 1000.0 * 80.0, oil.Total.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(FuturesMarginRates.SecurityFuturesFraction, FuturesMarginRates.Default.DefaultFractionOfNotional);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Futures_fraction_outside_zero_to_one_is_rejected_by_name(double fraction)
    {
        var byDefault = Assert.Throws<ArgumentException>(() => new FuturesMarginRates(fraction));
        var byUnderlying = Assert.Throws<ArgumentException>(() => new FuturesMarginRates(0.1, new Dictionary<string, double> { ["ES"] = fraction }));

        Assert.Equal("DefaultFractionOfNotional", byDefault.ParamName);
        Assert.Equal("FractionOfNotionalByUnderlying[ES]", byUnderlying.ParamName);
    }

    [Fact]
    public void Full_notional_is_an_allowed_futures_fraction()
    {
        Assert.Equal(1.0, new FuturesMarginRates(1.0).DefaultFractionOfNotional);
    }

    [Theory]
    [InlineData(double.NaN, 100.0, "UnitPrice")]
    [InlineData(double.PositiveInfinity, 100.0, "UnitPrice")]
    [InlineData(-1.0, 100.0, "UnitPrice")]
    [InlineData(1.0, double.NaN, "Strike")]
    [InlineData(1.0, 0.0, "Strike")]
    public void Leg_with_a_non_finite_or_negative_price_is_rejected_by_name(double premium, double strike, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyLeg.Call(1, strike, April, premium));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Non_finite_inputs_are_rejected_by_name()
    {
        Assert.Equal("Spot", Assert.Throws<ArgumentException>(() => new StrategyUnderlying("X", double.NaN, false)).ParamName);
        Assert.Equal("Quantity", Assert.Throws<ArgumentException>(() => StrategyLeg.Spot(double.PositiveInfinity, 10.0)).ParamName);
        Assert.Equal("Multiplier", Assert.Throws<ArgumentException>(() => StrategyLeg.Spot(1, 10.0, multiplier: 0.0)).ParamName);
        Assert.Equal("spot", Assert.Throws<ArgumentException>(() => NakedShortRules.NakedShortCall(double.NaN, 1, 1, 100, 1, false)).ParamName);
        Assert.Equal("premiumPerUnit", Assert.Throws<ArgumentException>(() => NakedShortRules.NakedShortPut(1, 1, double.NaN, 100, 1, false)).ParamName);
        Assert.Equal("NodeLimit", Assert.Throws<ArgumentException>(() => new StrategyParameters(Valuation, nodeLimit: 0)).ParamName);
    }
}
