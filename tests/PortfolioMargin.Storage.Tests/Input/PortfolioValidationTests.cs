using PortfolioMargin.Core.Market;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

public class PortfolioValidationTests
{
    private const string PositionsFile = "positions.csv";

    private const string CollateralFile = "collateral.csv";

    // As of 2026-11-24, with SPX, NDX and RUT.
    private static readonly MarketSnapshot Market = MarketSnapshotJson.Parse(SampleMarket.Json(), SampleMarket.FileName);

    private static void CheckPositions(params string[] rows) =>
        PortfolioValidation.CheckPositions(
            Market,
            PositionsCsv.Parse(string.Join("\n", ["account,type,underlying,quantity,multiplier,strike,expiry,right", .. rows]), PositionsFile),
            PositionsFile);

    private static void CheckCollateral(params string[] rows) =>
        PortfolioValidation.CheckCollateral(
            Market,
            CollateralCsv.Parse(string.Join("\n", ["account,asset,amount", .. rows]), CollateralFile),
            CollateralFile);

    [Fact]
    public void Positions_on_known_underlyings_pass()
    {
        CheckPositions("A1,spot,SPX,1,,,,", "A1,future,NDX,1,20,,2026-12-18,", "A1,option,RUT,1,100,2000,2026-12-18,call");
    }

    [Fact]
    public void Unknown_underlying_names_positions_line_and_field()
    {
        InputAssert.FailsAt(() => CheckPositions("A1,spot,SPX,1,,,,", "A1,spot,VIX,1,,,,"), PositionsFile, 3, "underlying");
    }

    [Fact]
    public void Expired_option_names_line_and_field()
    {
        InputAssert.FailsAt(() => CheckPositions("A1,option,SPX,1,100,5000,2026-11-23,put"), PositionsFile, 2, "expiry");
    }

    [Fact]
    public void Option_expiring_on_the_market_date_is_live()
    {
        CheckPositions("A1,option,SPX,1,100,5000,2026-11-24,put");
    }

    [Fact]
    public void Expired_future_names_line_and_field()
    {
        InputAssert.FailsAt(() => CheckPositions("A1,future,SPX,1,50,,2026-09-18,"), PositionsFile, 2, "expiry");
    }

    [Fact]
    public void Collateral_in_currency_or_underlying_passes_even_without_positions()
    {
        CheckCollateral("A1,USD,1000", "NOPOSITIONS,SPX,10");
    }

    [Fact]
    public void Unknown_collateral_asset_names_line_and_field()
    {
        InputAssert.FailsAt(() => CheckCollateral("A1,USD,1000", "A1,EUR,1000"), CollateralFile, 3, "asset");
    }
}
