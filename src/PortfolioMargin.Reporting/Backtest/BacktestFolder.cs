using System.Text.Json.Nodes;
using Parquet;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>
/// A `pm backtest` folder read for its report: run.json, backtest.parquet (one row per date, model and portfolio)
/// and backtest-summary.parquet (one row per model and portfolio), all three required, and the currency the money
/// columns are in (the files' footer metadata; "USD" where a file has none). Every column the report shows is
/// looked up here, so a file of the wrong shape is named before anything is drawn.
/// </summary>
public sealed record BacktestFolder(string Path, JsonObject Record, ColumnTable Rows, ColumnTable Summary, string Currency)
{
    /// <summary>The currency of files written before the footer carried one (the sample history's).</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>The columns of backtest.parquet the report reads.</summary>
    internal static readonly string[] RowColumns = ["date", "model", "portfolio", "var", "es", "requirement", "realized_loss", "var_exceedance", "exceedance"];

    /// <summary>The numeric columns of backtest-summary.parquet the report reads (model, portfolio and traffic_light are text).</summary>
    internal static readonly string[] SummaryNumbers =
    [
        "observations", "var_exceedances", "expected_var_exceedances", "kupiec_lr", "kupiec_p_value",
        "christoffersen_independence_lr", "christoffersen_independence_p_value", "christoffersen_conditional_coverage_lr", "christoffersen_conditional_coverage_p_value",
        "traffic_light_windows", "yellow_windows", "red_windows", "coverage_ratio", "coverage_lower", "coverage_upper", "requirement_breaches",
        "es_z2", "es_p_value", "es_test_observations", "peak_to_trough", "peak_requirement", "trough_requirement",
        "largest_increase_1d", "largest_increase_1d_relative", "largest_increase_5d", "largest_increase_5d_relative", "largest_increase_30d", "largest_increase_30d_relative",
    ];

    /// <summary>Reads the folder; any problem with a file is an <see cref="InputException"/> that names it.</summary>
    public static async Task<BacktestFolder> ReadAsync(string folder, CancellationToken cancellation = default)
    {
        var full = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new InputException(full, 0, "", "backtest folder does not exist");
        }

        var recordPath = System.IO.Path.Combine(full, ResultFiles.RunRecord);
        var record = RunFolder.ReadRecord(recordPath);
        if (record["kind"]?.GetValue<string>() is { } kind && kind != "backtest")
        {
            throw new InputException(recordPath, 0, "kind", $"records a '{kind}' run, not a backtest: `pm report` draws that one");
        }

        // Both tables decoded side by side: the rows file is most of the reading.
        var rows = Task.Run(() => ColumnTable.ReadAsync(System.IO.Path.Combine(full, BacktestTables.RowsFile), cancellation), cancellation);
        var summary = Task.Run(() => ColumnTable.ReadAsync(System.IO.Path.Combine(full, BacktestTables.SummaryFile), cancellation), cancellation);
        var (rowTable, summaryTable) = (await rows, await summary);
        Check(rowTable, text: ["date", "model", "portfolio"], numbers: RowColumns[3..]);
        Check(summaryTable, text: ["model", "portfolio", "traffic_light"], numbers: SummaryNumbers);
        var currency = await CurrencyOfAsync(summaryTable.File, cancellation);
        return new BacktestFolder(full, record, rowTable, summaryTable, currency);
    }

    /// <summary>Each column asked for, so a missing one throws here (ColumnTable names the file and the column).</summary>
    private static void Check(ColumnTable table, string[] text, string[] numbers)
    {
        foreach (var column in text)
        {
            _ = table.Text(column);
        }

        foreach (var column in numbers)
        {
            _ = table.Number(column);
        }
    }

    /// <summary>
    /// The footer's currency. ColumnTable reads columns only, so the footer is opened again here; the file was just
    /// read whole, so this cannot find it cut short.
    /// </summary>
    private static async Task<string> CurrencyOfAsync(string path, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellation);
        return reader.CustomMetadata.TryGetValue(ResultMetadata.CurrencyKey, out var currency) && !string.IsNullOrWhiteSpace(currency) ? currency : DefaultCurrency;
    }
}
