using System.Globalization;
using Parquet;
using Parquet.Schema;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The positions file as Parquet: the same columns as the CSV, typed or as strings. Each cell is turned back into
/// its CSV text and handed to <see cref="PositionFields"/>, so both formats follow one set of rules; the "line"
/// in errors is the 1-based row number across all row groups.
/// </summary>
internal static class PositionsParquet
{
    public static async Task<IReadOnlyList<Position>> ReadAsync(Stream stream, string fileName)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream);
        }
        catch (IOException e)
        {
            throw new InputException(fileName, 0, "", $"not a Parquet file: {e.Message}");
        }

        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            CsvHeader.Check(fields.Select(f => f.Name).ToArray(), PositionFields.Columns, fileName, 0);
            var positions = new List<Position>();
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var groupReader = reader.OpenRowGroupReader(group);
                var columns = new string[fields.Length][];
                for (var c = 0; c < fields.Length; c++)
                {
                    columns[c] = await ReadAsTextAsync(groupReader, fields[c], fileName);
                }

                for (var row = 0; row < groupReader.RowCount; row++)
                {
                    positions.Add(PositionFields.Parse(columns.Select(column => column[row]).ToArray(), fileName, positions.Count + 1));
                }
            }

            return positions.Count > 0 ? positions : throw new InputException(fileName, 0, "", "file has no positions");
        }
    }

    /// <summary>A column's cells as the text the CSV would hold: invariant numbers, yyyy-MM-dd dates, empty for null.</summary>
    private static async Task<string[]> ReadAsTextAsync(ParquetRowGroupReader group, DataField field, string fileName)
    {
        var rows = checked((int)group.RowCount);
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory());
            return text.Select(t => t ?? "").ToArray();
        }

        return type switch
        {
            _ when type == typeof(double) => await ReadValuesAsync<double>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => await ReadValuesAsync<float>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => await ReadValuesAsync<int>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => await ReadValuesAsync<long>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(group, field, rows, FormatDate),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(group, field, rows, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new InputException(fileName, 0, field.Name, $"column type {type.Name} is not supported; use a string, number or date"),
        };
    }

    private static async Task<string[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> format)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v is { } value ? format(value) : "").ToArray();
    }

    // Parquet stores a DateOnly as a date-time at midnight; any other time of day is not an expiry date, so keep it
    // visible and let the date parser reject it.
    private static string FormatDate(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("O", CultureInfo.InvariantCulture);
}
