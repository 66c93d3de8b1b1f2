using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>A backtest's history file: what it reads, and every bad row named by file, line and field.</summary>
public class MarketHistoryCsvTests
{
    private const string Header = HistoryText.Header;

    private const string Good = HistoryText.Good;

    [Fact]
    public void Reads_dates_in_order_with_underlyings_in_any_row_order()
    {
        var history = MarketHistoryCsv.Parse(Good, "h.csv", HistoryFill.None);
        Assert.Equal([new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3)], history.Dates);
        Assert.Equal(["AAA", "BBB"], history.Underlyings);
        Assert.Equal([100.0, 50.0, 101.0, 51.0], history.Spot);
        Assert.Equal([0.2, 0.3, 0.21, 0.31], history.AtmVol);
        Assert.Equal([0.03, 0.031], history.Rate);
        Assert.All(history.Skew, s => Assert.Equal(0.0, s));
    }

    [Theory]
    [InlineData(",AAA,100,0.2,0.03", 2, "date")]
    [InlineData("2024-13-02,AAA,100,0.2,0.03", 2, "date")]
    [InlineData("2024-01-02,AAA,-100,0.2,0.03", 2, "spot")]
    [InlineData("2024-01-02,AAA,0,0.2,0.03", 2, "spot")]
    [InlineData("2024-01-02,AAA,100,0,0.03", 2, "atmVol")]
    [InlineData("2024-01-02,AAA,100,-0.2,0.03", 2, "atmVol")]
    [InlineData("2024-01-02,AAA,abc,0.2,0.03", 2, "spot")]
    [InlineData("2024-01-02,AAA,NaN,0.2,0.03", 2, "spot")]
    [InlineData("2024-01-02,AAA,1e400,0.2,0.03", 2, "spot")]
    public void A_bad_cell_names_its_line_and_column(string row, int line, string field)
    {
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(Header + row + "\n", "h.csv", HistoryFill.None));
        Assert.Equal(("h.csv", line, field), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void A_duplicate_date_and_underlying_is_named()
    {
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(Good + "2024-01-03,AAA,102,0.2,0.031\n", "h.csv", HistoryFill.None));
        Assert.Equal((6, "underlying"), (error.Line, error.Field));
        Assert.Contains("twice", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_out_of_order_are_named()
    {
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(Good + "2024-01-02,AAA,102,0.2,0.03\n", "h.csv", HistoryFill.None));
        Assert.Equal((6, "date"), (error.Line, error.Field));
        Assert.Contains("before", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_underlying_after_the_first_date_is_named()
    {
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(Good + "2024-01-04,CCC,10,0.2,0.03\n", "h.csv", HistoryFill.None));
        Assert.Equal((6, "underlying"), (error.Line, error.Field));
    }

    [Fact]
    public void A_missing_underlying_is_an_error_unless_filled_from_the_previous_close()
    {
        var text = Good + "2024-01-04,AAA,102,0.22,0.032\n";
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(text, "h.csv", HistoryFill.None));
        Assert.Equal((6, "underlying"), (error.Line, error.Field));
        Assert.Contains("BBB", error.Problem, StringComparison.Ordinal);

        var filled = MarketHistoryCsv.Parse(text, "h.csv", HistoryFill.Previous);
        Assert.Equal(3, filled.DateCount);
        Assert.Equal(51.0, filled.Spot[filled.At(2, 1)]);
        Assert.Equal(0.31, filled.AtmVol[filled.At(2, 1)]);
        Assert.Equal(102.0, filled.Spot[filled.At(2, 0)]);
    }

    [Fact]
    public void Header_problems_name_the_column()
    {
        Assert.Equal("atmVol", Assert.Throws<InputException>(() => MarketHistoryCsv.Parse("date,underlying,spot\n2024-01-02,AAA,1\n", "h.csv", HistoryFill.None)).Field);
        Assert.Equal("price", Assert.Throws<InputException>(() => MarketHistoryCsv.Parse("date,underlying,spot,atmVol,price\n2024-01-02,AAA,1,0.2,1\n", "h.csv", HistoryFill.None)).Field);
        Assert.Equal(0, Assert.Throws<InputException>(() => MarketHistoryCsv.Parse("", "h.csv", HistoryFill.None)).Line);
    }

    [Fact]
    public void Two_rates_on_one_date_are_named()
    {
        var error = Assert.Throws<InputException>(() => MarketHistoryCsv.Parse(Header + "2024-01-02,AAA,100,0.2,0.03\n2024-01-02,BBB,50,0.3,0.04\n", "h.csv", HistoryFill.None));
        Assert.Equal((3, "rate"), (error.Line, error.Field));
    }
}
