using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A backtest's market history as Parquet: the CSV's columns (<see cref="MarketHistoryColumns"/>) in any order,
/// the date a DATE or yyyy-MM-dd text, numbers DOUBLE, FLOAT, INT32 or INT64 (or text), an optional column absent
/// or null where the CSV would leave the cell empty. Each cell becomes its CSV text (<see cref="ParquetCells"/>)
/// and each row goes through <see cref="MarketHistoryBuilder"/>, so the file gives exactly the history its CSV
/// would. The "line" of an error is the 1-based row number across all row groups (0 for the schema).
/// </summary>
internal static class MarketHistoryParquet
{
    public static async Task<MarketHistory> ReadAsync(Stream stream, string fileName, HistoryFill fill)
    {
        var reader = await ParquetCells.OpenAsync(stream, fileName);
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            var columns = MarketHistoryColumns.Check(fields.Select(f => f.Name).ToArray(), fileName, 0);
            var builder = new MarketHistoryBuilder(fileName, fill, columns, "row");
            var rowNumber = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var groupReader = reader.OpenRowGroupReader(group);
                var cells = new string[fields.Length][];
                for (var c = 0; c < fields.Length; c++)
                {
                    cells[c] = await ParquetCells.ReadAsTextAsync(groupReader, fields[c], fileName);
                }

                for (var row = 0; row < groupReader.RowCount; row++)
                {
                    builder.Add(new TextRow(columns, cells.Select(column => column[row]).ToArray(), fileName, ++rowNumber));
                }
            }

            return builder.Build();
        }
    }
}
