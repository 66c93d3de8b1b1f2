using Parquet.Schema;
using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// A backtest's history as Parquet: the same history as its CSV, bit for bit, and every bad row named by file,
/// row (the CSV's line less its header) and field.
/// </summary>
public sealed class MarketHistoryParquetTests : IDisposable
{
    private const string Header = HistoryText.Header;

    private const string Good = HistoryText.Good;

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-history-parquet-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sample_history_as_parquet_is_the_csv_history_bit_for_bit(bool textDates)
    {
        var csv = Path.Combine(AppContext.BaseDirectory, "samples", "backtest", "history.csv");
        var parquet = Path.Combine(_folder, "history.parquet");
        // Row groups of 1,000 rows (not a multiple of the four underlyings): dates straddle groups.
        await HistoryParquetFile.WriteCsvAsync(parquet, File.ReadAllText(csv), textDates, rowGroupRows: 1_000);

        var files = new List<InputFile>();
        var fromParquet = InputLoader.LoadHistory(parquet, HistoryFill.None, files);

        AssertSameHistory(InputLoader.LoadHistory(csv, HistoryFill.None, []), fromParquet);
        Assert.Equal(1_261, fromParquet.DateCount);
        Assert.Equal(("history", parquet), (files.Single().Role, files.Single().Path));
    }

    [Theory]
    [InlineData("date,underlying,spot,atmVol\n2024-01-02,AAA,100,0.2\n2024-01-03,AAA,101,0.21\n", HistoryFill.None)]
    [InlineData(
        "date,underlying,spot,atmVol,dividendYield,skew,rate\n" +
        "2024-01-02,AAA,100,0.2,,-0.1,0.03\n2024-01-02,BBB,50,0.3,0.01,,\n" +
        "2024-01-03,AAA,101,0.21,0.02,,0.031\n2024-01-03,BBB,51,0.31,,0.05,\n",
        HistoryFill.None)]
    [InlineData(Good + "2024-01-04,AAA,102,0.22,0.032\n", HistoryFill.Previous)]
    [InlineData(Good + "2024-01-04,AAA,102,0.22,\n", HistoryFill.Previous)]
    public async Task Absent_and_null_optional_cells_read_as_the_csv_reads_empty_ones(string csv, HistoryFill fill)
    {
        foreach (var textDates in new[] { false, true })
        {
            var parquet = Path.Combine(_folder, $"h-{textDates}.parquet");
            await HistoryParquetFile.WriteCsvAsync(parquet, csv, textDates);

            AssertSameHistory(MarketHistoryCsv.Parse(csv, "h.csv", fill), InputLoader.LoadHistory(parquet, fill, []));
        }
    }

    [Fact]
    public async Task Float_and_integer_columns_read_as_the_numbers_they_print()
    {
        var path = Path.Combine(_folder, "h.parquet");
        await HistoryParquetFile.WriteAsync(path,
        [
            (new DataField<string>("date"), new string?[] { "2024-01-02" }),
            (new DataField<string>("underlying"), new string?[] { "AAA" }),
            (new DataField<int>("spot"), new[] { 100 }),
            (new DataField<float>("atmVol"), new[] { 0.2f }),
        ]);

        var history = InputLoader.LoadHistory(path, HistoryFill.None, []);

        Assert.Equal(100.0, history.Spot[0]);
        // The decimal the float prints as, as a CSV of it would hold, not its binary value 0.20000000298023224.
        Assert.Equal(0.2, history.AtmVol[0]);
    }

    [Theory]
    [InlineData("2024-01-04,AAA,0,0.2,0.03", "spot")]
    [InlineData("2024-01-04,AAA,-100,0.2,0.03", "spot")]
    [InlineData("2024-01-04,AAA,NaN,0.2,0.03", "spot")]
    [InlineData("2024-01-04,AAA,1e400,0.2,0.03", "spot")]
    [InlineData("2024-01-04,AAA,,0.2,0.03", "spot")]
    [InlineData("2024-01-04,AAA,100,0,0.03", "atmVol")]
    [InlineData("2024-01-04,AAA,100,abc,0.03", "atmVol")]
    [InlineData("2024-01-04,AAA,100,0.2,5", "rate")]
    [InlineData("2024-01-02,AAA,102,0.2,0.03", "date")]
    [InlineData(",AAA,100,0.2,0.03", "date")]
    [InlineData("2024/01/04,AAA,100,0.2,0.03", "date")]
    [InlineData("2024-01-03,AAA,102,0.2,0.031", "underlying")]
    [InlineData("2024-01-04,CCC,10,0.2,0.03", "underlying")]
    [InlineData("2024-01-04,,100,0.2,0.03", "underlying")]
    public async Task A_bad_row_names_the_file_its_row_and_the_field(string badRow, string field)
    {
        var csv = Good + badRow + "\n";
        var path = Path.Combine(_folder, "h.parquet");
        // Two rows a group: the fifth row is the first of the third group, and is still row 5.
        await HistoryParquetFile.WriteCsvAsync(path, csv, rowGroupRows: 2);

        InputAssert.FailsAt(() => InputLoader.LoadHistory(path, HistoryFill.None, []), path, 5, field);
        InputAssert.FailsAt(() => MarketHistoryCsv.Parse(csv, "h.csv", HistoryFill.None), "h.csv", 6, field);
    }

    [Fact]
    public async Task Problems_that_point_at_another_row_count_rows()
    {
        var path = Path.Combine(_folder, "h.parquet");
        await HistoryParquetFile.WriteCsvAsync(path, Header + "2024-01-02,AAA,100,0.2,0.03\n2024-01-02,BBB,50,0.3,0.04\n");
        var twoRates = InputAssert.FailsAt(() => InputLoader.LoadHistory(path, HistoryFill.None, []), path, 2, "rate");
        Assert.Contains("row 1 gives 0.03", twoRates.Problem, StringComparison.Ordinal);

        await HistoryParquetFile.WriteCsvAsync(path, Good + "2024-01-04,AAA,102,0.22,0.032\n");
        var missing = InputAssert.FailsAt(() => InputLoader.LoadHistory(path, HistoryFill.None, []), path, 5, "underlying");
        Assert.Contains("BBB has no row on 2024-01-04 (the date starting at this row)", missing.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date,underlying,spot,rate\n2024-01-02,AAA,100,0.03\n", "atmVol")]
    [InlineData("underlying,spot,atmVol\nAAA,100,0.2\n", "date")]
    [InlineData("date,underlying,spot,atmVol,price\n2024-01-02,AAA,100,0.2,1\n", "price")]
    public async Task A_missing_or_unknown_column_is_named_with_no_row(string csv, string column)
    {
        var path = Path.Combine(_folder, "h.parquet");
        await HistoryParquetFile.WriteCsvAsync(path, csv);

        InputAssert.FailsAt(() => InputLoader.LoadHistory(path, HistoryFill.None, []), path, 0, column);
    }

    [Fact]
    public async Task A_file_with_no_rows_is_named()
    {
        var path = Path.Combine(_folder, "h.parquet");
        await HistoryParquetFile.WriteCsvAsync(path, Header);

        InputAssert.FailsAt(() => InputLoader.LoadHistory(path, HistoryFill.None, []), path, 0, "");
    }

    [Fact]
    public async Task A_file_that_is_not_whole_parquet_is_an_input_error()
    {
        var csvNamedParquet = Path.Combine(_folder, "csv.parquet");
        File.WriteAllText(csvNamedParquet, Good);
        var notParquet = InputAssert.FailsAt(() => InputLoader.LoadHistory(csvNamedParquet, HistoryFill.None, []), csvNamedParquet, 0, "");
        Assert.Contains("not a Parquet file", notParquet.Problem, StringComparison.Ordinal);

        var truncated = Path.Combine(_folder, "truncated.parquet");
        await HistoryParquetFile.WriteCsvAsync(truncated, Good);
        var bytes = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Equal(truncated, Assert.Throws<InputException>(() => InputLoader.LoadHistory(truncated, HistoryFill.None, [])).File);
    }

    /// <summary>Every date, underlying and value equal, doubles compared by their bits.</summary>
    private static void AssertSameHistory(MarketHistory expected, MarketHistory actual)
    {
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Underlyings, actual.Underlyings);
        var columns = new (string Name, Func<MarketHistory, double[]> Of)[]
        {
            ("spot", h => h.Spot), ("atmVol", h => h.AtmVol), ("dividendYield", h => h.DividendYield), ("skew", h => h.Skew),
            ("smile", h => h.Smile), ("volOfVol", h => h.VolOfVol), ("spotVolCorrelation", h => h.SpotVolCorrelation), ("rate", h => h.Rate),
        };
        foreach (var (name, of) in columns)
        {
            Assert.True(
                of(expected).Select(BitConverter.DoubleToInt64Bits).SequenceEqual(of(actual).Select(BitConverter.DoubleToInt64Bits)),
                $"{name} differs");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
