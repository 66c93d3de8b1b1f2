using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

public class PositionsCsvTests
{
    private const string File = "positions.csv";

    private const string Header = "account,type,underlying,quantity,multiplier,strike,expiry,right";

    private static IReadOnlyList<Position> Parse(params string[] rows) => PositionsCsv.Parse(string.Join("\n", [Header, .. rows]), File);

    [Fact]
    public void Each_instrument_type_is_read_with_its_line()
    {
        var positions = Parse(
            "A1,spot,SPX,10,,,,",
            "A1,future,SPX,-2,50,,2026-12-18,",
            "A2,option,SPX,5,100,5100,2026-12-18,put");

        Assert.Equal(new Position("A1", Instrument.Of(InstrumentType.Spot, "SPX", null, null, null), 10, 1, 2), positions[0]);
        Assert.Equal(new Position("A1", Instrument.Of(InstrumentType.Future, "SPX", null, new DateOnly(2026, 12, 18), null), -2, 50, 3), positions[1]);
        Assert.Equal(new Position("A2", Instrument.Of(InstrumentType.Option, "SPX", 5100, new DateOnly(2026, 12, 18), OptionRight.Put), 5, 100, 4), positions[2]);
    }

    [Fact]
    public void Empty_multiplier_defaults_to_one()
    {
        Assert.Equal(1.0, Parse("A1,option,SPX,5,,5100,2026-12-18,call")[0].Multiplier);
    }

    [Fact]
    public void Quoted_field_may_hold_commas_and_quotes()
    {
        var position = Parse("\"Smith, J. \"\"JS\"\"\",spot,SPX,1,,,,")[0];

        Assert.Equal("Smith, J. \"JS\"", position.Account);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_lines_still_count()
    {
        var positions = PositionsCsv.Parse(Header + "\r\n\r\nA1,spot,SPX,1,,,,\r\n   \r\nA1,spot,SPX,2,,,,\r\n", File);

        Assert.Equal([3, 5], positions.Select(p => p.SourceLine));
    }

    [Fact]
    public void Zero_quantity_is_accepted()
    {
        Assert.Equal(0.0, Parse("A1,spot,SPX,0,,,,")[0].Quantity);
    }

    [Fact]
    public void Missing_column_names_it_on_line_one()
    {
        var text = "account,type,underlying,quantity,multiplier,strike,expiry\nA1,spot,SPX,1,,,";

        InputAssert.FailsAt(() => PositionsCsv.Parse(text, File), File, 1, "right");
    }

    [Fact]
    public void Extra_column_names_it_on_line_one()
    {
        var text = Header + ",book\nA1,spot,SPX,1,,,,,B";

        InputAssert.FailsAt(() => PositionsCsv.Parse(text, File), File, 1, "book");
    }

    [Fact]
    public void Columns_out_of_order_name_the_first_misplaced_one()
    {
        var text = "account,underlying,type,quantity,multiplier,strike,expiry,right\nA1,SPX,spot,1,,,,";

        InputAssert.FailsAt(() => PositionsCsv.Parse(text, File), File, 1, "underlying");
    }

    [Fact]
    public void Non_numeric_quantity_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,spot,SPX,1,,,,", "A1,spot,SPX,ten,,,,"), File, 3, "quantity");
    }

    [Fact]
    public void Non_finite_quantity_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,spot,SPX,NaN,,,,"), File, 2, "quantity");
    }

    [Fact]
    public void Non_numeric_strike_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,\"5,100\",2026-12-18,call"), File, 2, "strike");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5100")]
    public void Non_positive_strike_names_line_and_field(string strike)
    {
        InputAssert.FailsAt(() => Parse($"A1,option,SPX,1,100,{strike},2026-12-18,call"), File, 2, "strike");
    }

    [Fact]
    public void Non_positive_multiplier_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,future,SPX,1,0,,,"), File, 2, "multiplier");
    }

    [Fact]
    public void Option_without_strike_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,,2026-12-18,call"), File, 2, "strike");
    }

    [Fact]
    public void Option_without_expiry_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,5100,,call"), File, 2, "expiry");
    }

    [Fact]
    public void Option_without_right_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,5100,2026-12-18,"), File, 2, "right");
    }

    [Fact]
    public void Spot_with_an_expiry_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,spot,SPX,1,,,2026-12-18,"), File, 2, "expiry");
    }

    [Fact]
    public void Future_with_a_strike_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,future,SPX,1,50,5000,2026-12-18,"), File, 2, "strike");
    }

    [Fact]
    public void Expiry_not_in_iso_form_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,5100,12/18/2026,call"), File, 2, "expiry");
    }

    [Fact]
    public void Unknown_type_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,swap,SPX,1,,,,"), File, 2, "type");
    }

    [Fact]
    public void Unknown_right_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse("A1,option,SPX,1,100,5100,2026-12-18,straddle"), File, 2, "right");
    }

    [Fact]
    public void Row_with_too_few_fields_names_its_line()
    {
        InputAssert.FailsAt(() => Parse("A1,spot,SPX,1,,,,", "A1,spot,SPX,1"), File, 3, "");
    }

    [Fact]
    public void Empty_account_names_line_and_field()
    {
        InputAssert.FailsAt(() => Parse(" ,spot,SPX,1,,,,"), File, 2, "account");
    }

    [Fact]
    public void Empty_file_names_the_whole_file()
    {
        InputAssert.FailsAt(() => PositionsCsv.Parse("", File), File, 0, "");
    }

    [Fact]
    public void Header_only_file_names_the_whole_file()
    {
        InputAssert.FailsAt(() => PositionsCsv.Parse(Header + "\n", File), File, 0, "");
    }
}
