using Parquet.Schema;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli.Tests.Input;

public class InputLoaderTests
{
    [Fact]
    public void Loads_and_cross_checks_all_four_files()
    {
        using var files = new TempInputFiles();
        var config = files.Write("risk.json", """{ "paths": 500 }""");

        var inputs = InputLoader.Load(
            files.Write("market.json", TempInputFiles.Market),
            files.Write("positions.csv", TempInputFiles.Positions),
            files.Write("collateral.csv", TempInputFiles.Collateral),
            config);

        Assert.Equal("SPX", inputs.Market.Underlyings.Single().Id);
        Assert.Equal(2, inputs.Positions.Count);
        Assert.Equal(100_000, inputs.Collateral.Single().Amount);
        Assert.Equal(500, inputs.Config.Paths);
    }

    [Fact]
    public void Missing_config_path_gives_default_config()
    {
        using var files = new TempInputFiles();

        var inputs = InputLoader.Load(
            files.Write("market.json", TempInputFiles.Market),
            files.Write("positions.csv", TempInputFiles.Positions),
            files.Write("collateral.csv", TempInputFiles.Collateral),
            configPath: null);

        Assert.Equal(10_000, inputs.Config.Paths);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        using var files = new TempInputFiles();
        var missing = Path.Combine(Path.GetTempPath(), "pm-no-such-dir", "positions.csv");

        var error = Assert.Throws<InputException>(() => InputLoader.Load(
            files.Write("market.json", TempInputFiles.Market), missing, files.Write("collateral.csv", TempInputFiles.Collateral), null));

        Assert.Equal((missing, 0, ""), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Position_on_an_unknown_underlying_names_the_positions_file()
    {
        using var files = new TempInputFiles();
        var positions = files.Write("positions.csv", TempInputFiles.Positions + "\nA1,spot,NDX,1,,,,");

        var error = Assert.Throws<InputException>(() => InputLoader.Load(
            files.Write("market.json", TempInputFiles.Market), positions, files.Write("collateral.csv", TempInputFiles.Collateral), null));

        Assert.Equal((positions, 4, "underlying"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public async Task Parquet_positions_read_the_same_as_csv_with_rows_numbered_from_one()
    {
        using var files = new TempInputFiles();
        var parquet = await files.WriteParquetAsync("positions.parquet", PositionColumns(expiry: new DateOnly(2026, 12, 18)));

        var fromParquet = InputLoader.LoadPositions(parquet);

        // Only the source line differs: Parquet numbers rows from 1, the CSV counts its header line.
        var fromCsv = PositionsCsv.Parse(TempInputFiles.Positions, "positions.csv");
        Assert.Equal(fromCsv.Select(p => p with { SourceLine = p.SourceLine - 1 }), fromParquet);
    }

    [Fact]
    public async Task Parquet_option_without_expiry_names_row_and_field()
    {
        using var files = new TempInputFiles();
        var parquet = await files.WriteParquetAsync("positions.parquet", PositionColumns(expiry: null));

        var error = Assert.Throws<InputException>(() => InputLoader.LoadPositions(parquet));

        Assert.Equal((parquet, 2, "expiry"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public async Task Parquet_missing_column_is_named()
    {
        using var files = new TempInputFiles();
        var columns = PositionColumns(new DateOnly(2026, 12, 18)).Where(c => c.Field.Name != "right").ToArray();
        var parquet = await files.WriteParquetAsync("positions.parquet", columns);

        var error = Assert.Throws<InputException>(() => InputLoader.LoadPositions(parquet));

        Assert.Equal((parquet, 0, "right"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void File_that_is_not_parquet_is_named()
    {
        using var files = new TempInputFiles();
        var parquet = files.Write("positions.parquet", TempInputFiles.Positions);

        var error = Assert.Throws<InputException>(() => InputLoader.LoadPositions(parquet));

        Assert.Equal((parquet, 0, ""), (error.File, error.Line, error.Field));
    }

    /// <summary>The rows of <see cref="TempInputFiles.Positions"/> as typed Parquet columns; the option's expiry is the argument.</summary>
    private static (DataField Field, Array Values)[] PositionColumns(DateOnly? expiry) =>
    [
        (new DataField<string>("account"), new string?[] { "A1", "A1" }),
        (new DataField<string>("type"), new string?[] { "spot", "option" }),
        (new DataField<string>("underlying"), new string?[] { "SPX", "SPX" }),
        (new DataField<double>("quantity"), new double[] { 10, -1 }),
        (new DataField<double?>("multiplier"), new double?[] { null, 100 }),
        (new DataField<double?>("strike"), new double?[] { null, 5100 }),
        (new DataField<DateOnly?>("expiry"), new DateOnly?[] { null, expiry }),
        (new DataField<string>("right"), new string?[] { null, "call" }),
    ];
}
