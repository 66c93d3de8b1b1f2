using System.Text.Json.Nodes;
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
    /// <summary>backtest.parquet's date column, one per row (its row order).</summary>
    public IReadOnlyList<DateOnly> Dates { get; private init; } = [];

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

        // An end-of-day run's run.json has no kind: said as such rather than as a missing backtest.parquet.
        if (record["kind"] is null && File.Exists(System.IO.Path.Combine(full, ResultFiles.Accounts)) && !File.Exists(System.IO.Path.Combine(full, BacktestTables.RowsFile)))
        {
            throw new InputException(recordPath, 0, "kind", "records an end-of-day run (accounts.parquet beside it), not a backtest: the margin report draws that one");
        }

        // One after the other, not side by side: decoding the two at once lost rows of backtest.parquet now and then
        // (about one run in three of the tests: dates or names of some rows came back unreadable), and the summary
        // is a few kilobytes, so reading it second costs nothing.
        var rowTable = await ColumnTable.ReadAsync(System.IO.Path.Combine(full, BacktestTables.RowsFile), cancellation);
        var summaryTable = await ColumnTable.ReadAsync(System.IO.Path.Combine(full, BacktestTables.SummaryFile), cancellation);
        Check(rowTable, text: ["date", "model", "portfolio"], numbers: RowColumns[3..]);
        Check(summaryTable, text: ["model", "portfolio", "traffic_light"], numbers: SummaryNumbers);
        var dates = DatesOf(rowTable);
        foreach (var column in new[] { "model", "portfolio" })
        {
            // A row the charts could not place would vanish from them silently: name it instead.
            var values = rowTable.Text(column);
            var bad = Array.FindIndex(values, v => v is null);
            if (bad >= 0)
            {
                throw new InputException(rowTable.File, bad + 1, column, $"row {bad + 1:N0} of {values.Length:N0} has no {column}");
            }
        }

        var currency = CurrencyOf(summaryTable);
        return new BacktestFolder(full, record, rowTable, summaryTable, currency) { Dates = dates };
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

    /// <summary>backtest.parquet's dates (ColumnTable gives a DATE as yyyy-MM-dd); a row without one is an error naming it.</summary>
    private static DateOnly[] DatesOf(ColumnTable rows)
    {
        var text = rows.Text("date");
        var dates = new DateOnly[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!DateOnly.TryParseExact(text[i], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out dates[i]))
            {
                throw new InputException(rows.File, i + 1, "date", $"row {i + 1:N0} has no date");
            }
        }

        return dates;
    }

    /// <summary>The footer's currency; <see cref="DefaultCurrency"/> for a file written before the footer carried one.</summary>
    private static string CurrencyOf(ColumnTable table) =>
        table.Metadata.TryGetValue(ResultMetadata.CurrencyKey, out var currency) && !string.IsNullOrWhiteSpace(currency) ? currency : DefaultCurrency;
}
