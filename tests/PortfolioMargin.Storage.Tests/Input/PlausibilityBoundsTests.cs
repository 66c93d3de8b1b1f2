using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Storage.Input;
using static PortfolioMargin.Storage.Tests.Input.SampleMarket;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// Values no market holds (the hostile cases of issue 15: 1e308 quantities, a 1e6 rate or vol) are refused when
/// the file is read, naming file, line and field, instead of turning into NaN margins; values at the bounds pass.
/// </summary>
public class PlausibilityBoundsTests
{
    private const string PositionsFile = "positions.csv";

    private const string CollateralFile = "collateral.csv";

    private static readonly MarketSnapshot Market = MarketSnapshotJson.Parse(Json(), FileName);

    [Theory]
    [InlineData("\"rate\": 0.04", "\"rate\": 1e6", "rate")]
    [InlineData("\"rate\": 0.04", "\"rate\": -1.5", "rate")]
    [InlineData("\"dividendYield\": 0.015", "\"dividendYield\": -1e6", "underlyings[0].dividendYield")]
    [InlineData("\"atmVol\": 0.18", "\"atmVol\": 1e6", "underlyings[0].atmVol")]
    [InlineData("\"atmVol\": 0.18", "\"atmVol\": 25", "underlyings[0].atmVol")]
    [InlineData("\"spot\": 5000", "\"spot\": 1e300", "underlyings[0].spot")]
    [InlineData("\"atmVol\": 0.18", "\"atmVol\": 0.18, \"skew\": -1e9", "underlyings[0].skew")]
    [InlineData("\"atmVol\": 0.18", "\"atmVol\": 0.18, \"volOfVol\": 50", "underlyings[0].volOfVol")]
    public void A_market_value_past_its_bound_names_its_field(string plausible, string absurd, string field)
    {
        var text = Json();
        Assert.Contains(plausible, text);

        var error = Assert.Throws<InputException>(() => MarketSnapshotJson.Parse(text.Replace(plausible, absurd, StringComparison.Ordinal), FileName));

        Assert.Equal((FileName, field), (error.File, error.Field));
        Assert.Contains("must be", error.Problem);
    }

    [Fact]
    public void Values_at_the_bounds_pass()
    {
        var text = Json().Replace("\"rate\": 0.04", "\"rate\": -1", StringComparison.Ordinal).Replace("\"atmVol\": 0.18", "\"atmVol\": 10", StringComparison.Ordinal);

        var market = MarketSnapshotJson.Parse(text, FileName);

        Assert.Equal((-1.0, 10.0), (market.Rate, market.Underlyings[0].AtmVol));
        PortfolioValidation.CheckPositions(market, Positions("A1,spot,SPX,2e11,,,,"), PositionsFile); // 2e11 × 5,000 = 1e15
    }

    [Theory]
    [InlineData("A1,spot,SPX,1e308,,,,", "quantity")]
    [InlineData("A1,future,SPX,1,1e12,,2026-12-18,", "multiplier")]
    [InlineData("A1,option,SPX,1,100,1e13,2026-12-18,call", "strike")]
    public void A_position_value_past_its_bound_names_its_line_and_field(string row, string field)
    {
        InputAssert.FailsAt(() => Positions("A1,spot,SPX,1,,,,", row), PositionsFile, 3, field);
    }

    [Fact]
    public void A_position_whose_notional_is_past_the_bound_names_its_quantity()
    {
        // 1e9 contracts × 1,000 × 5,000 = 5e15: each number plausible alone, the position not.
        var error = InputAssert.FailsAt(
            () => PortfolioValidation.CheckPositions(Market, Positions("A1,future,SPX,1e9,1000,,2026-12-18,"), PositionsFile), PositionsFile, 2, "quantity");

        Assert.Contains("notional of 5e15", error.Problem);
    }

    [Theory]
    [InlineData("A1,USD,2e308")]
    [InlineData("A1,USD,1.5e15")]
    [InlineData("A1,SPX,1e12")]
    public void A_holding_worth_more_than_the_bound_names_its_amount(string row)
    {
        InputAssert.FailsAt(
            () =>
            {
                var collateral = CollateralCsv.Parse($"account,asset,amount\nA1,USD,100\n{row}", CollateralFile);
                PortfolioValidation.CheckCollateral(Market, collateral, CollateralFile);
            },
            CollateralFile, 3, "amount");
    }

    private static IReadOnlyList<Core.Portfolio.Position> Positions(params string[] rows) =>
        PositionsCsv.Parse(string.Join("\n", ["account,type,underlying,quantity,multiplier,strike,expiry,right", .. rows]), PositionsFile);
}
