using PortfolioMargin.Storage.Input;
using static PortfolioMargin.Storage.Tests.Input.SampleMarket;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>The strategy-based requirement's inputs: which underlyings are broad-based indices, and the futures rate.</summary>
public class StrategyInputJsonTests
{
    private const string Config = "risk.json";

    [Fact]
    public void Broad_based_is_read_per_underlying_and_defaults_to_false()
    {
        var market = MarketSnapshotJson.Parse(Json([Spx.Replace("}", ", \"broadBased\": true }", StringComparison.Ordinal), Ndx]), FileName);

        Assert.Equal([true, false], market.Underlyings.Select(u => u.BroadBased));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void A_broad_based_flag_that_is_not_a_boolean_names_its_line_and_field(string value)
    {
        var text = Json([Spx, Ndx.Replace("}", $", \"broadBased\": {value} }}", StringComparison.Ordinal)]);

        var error = InputAssert.FailsAt(() => MarketSnapshotJson.Parse(text, FileName), FileName, 7, "underlyings[1].broadBased");
        Assert.Contains("must be true or false", error.Message);
    }

    [Fact]
    public void The_futures_fraction_is_one_number_or_a_default_with_overrides()
    {
        Assert.Equal(0.15, RiskConfigJson.Parse("{}", Config).FuturesMargin.DefaultFractionOfNotional);
        Assert.Equal(0.1, RiskConfigJson.Parse("""{ "futuresMarginFraction": 0.1 }""", Config).FuturesMargin.FractionFor("SPX"));

        var rates = RiskConfigJson.Parse("""{ "futuresMarginFraction": { "default": 0.12, "SPX": 0.06 } }""", Config, new HashSet<string> { "USD", "SPX" }).FuturesMargin;
        Assert.Equal((0.06, 0.12), (rates.FractionFor("SPX"), rates.FractionFor("NDX")));
    }

    [Theory]
    [InlineData("""{ "futuresMarginFraction": 0 }""", "futuresMarginFraction")]
    [InlineData("""{ "futuresMarginFraction": 1.5 }""", "futuresMarginFraction")]
    [InlineData("""{ "futuresMarginFraction": "15%" }""", "futuresMarginFraction")]
    [InlineData("""{ "futuresMarginFraction": { "default": -0.1 } }""", "futuresMarginFraction.default")]
    [InlineData("""{ "futuresMarginFraction": { "SPX": 2 } }""", "futuresMarginFraction.SPX")]
    [InlineData("""{ "futuresMarginFraction": { "NOPE": 0.1 } }""", "futuresMarginFraction.NOPE")]
    public void A_futures_fraction_outside_zero_to_one_or_for_an_unknown_underlying_names_its_field(string text, string field) =>
        InputAssert.FailsAt(() => RiskConfigJson.Parse(text, Config, new HashSet<string> { "USD", "SPX" }), Config, 1, field);
}
