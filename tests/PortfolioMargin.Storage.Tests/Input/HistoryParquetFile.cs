using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// A market history written as Parquet by Parquet.Net (the library the repository reads and writes Parquet with),
/// for the Parquet reader's tests: typed columns, or the cells of a CSV history turned into them.
/// </summary>
internal static class HistoryParquetFile
{
    /// <summary>
    /// The CSV's columns as Parquet's: the date a DATE (or text when <paramref name="textDates"/>), a column whose
    /// cells all parse as numbers a DOUBLE, anything else text; a column is nullable, with nulls for the empty
    /// cells, only if it has an empty cell. The CSV must be simple (no quotes).
    /// </summary>
    public static (DataField Field, Array Values)[] ColumnsOf(string csv, bool textDates = false)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        return header.Select((name, c) => ColumnOf(name, cells.Select(row => row[c]).ToArray(), textDates)).ToArray();
    }

    public static Task WriteCsvAsync(string path, string csv, bool textDates = false, int rowGroupRows = int.MaxValue) =>
        WriteAsync(path, ColumnsOf(csv, textDates), rowGroupRows);

    /// <summary>Writes the columns in row groups of <paramref name="rowGroupRows"/> rows.</summary>
    public static async Task WriteAsync(string path, (DataField Field, Array Values)[] columns, int rowGroupRows = int.MaxValue)
    {
        var rows = columns[0].Values.Length;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream);
        for (var start = 0; start < rows; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, rows - start);
            using var group = writer.CreateRowGroup();
            foreach (var (field, values) in columns)
            {
                await WriteSliceAsync(group, field, values, start, count);
            }
        }
    }

    private static async Task WriteSliceAsync(ParquetRowGroupWriter group, DataField field, Array values, int start, int count)
    {
        switch (values)
        {
            case string?[] text:
                await group.WriteAsync(field, new ArraySegment<string?>(text, start, count));
                break;
            case double[] numbers:
                await group.WriteAsync(field, new ReadOnlyMemory<double>(numbers, start, count));
                break;
            case double?[] numbers:
                await group.WriteAsync(field, new ReadOnlyMemory<double?>(numbers, start, count));
                break;
            case float[] numbers:
                await group.WriteAsync(field, new ReadOnlyMemory<float>(numbers, start, count));
                break;
            case int[] numbers:
                await group.WriteAsync(field, new ReadOnlyMemory<int>(numbers, start, count));
                break;
            case DateOnly[] dates:
                await group.WriteAsync(field, new ReadOnlyMemory<DateOnly>(dates, start, count));
                break;
            case DateOnly?[] dates:
                await group.WriteAsync(field, new ReadOnlyMemory<DateOnly?>(dates, start, count));
                break;
            default:
                throw new ArgumentException($"no writer for {values.GetType()}", nameof(values));
        }
    }

    private static (DataField Field, Array Values) ColumnOf(string name, string[] cells, bool textDates)
    {
        var nullable = cells.Any(c => c.Length == 0);
        if (name == "date" && !textDates && cells.All(c => c.Length == 0 || DateOnly.TryParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            var dates = cells.Select(c => c.Length == 0 ? (DateOnly?)null : DateOnly.ParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
            return nullable ? (new DataField<DateOnly?>(name), dates) : (new DataField<DateOnly>(name), dates.Select(d => d!.Value).ToArray());
        }

        if (name is not ("date" or "underlying") && cells.All(c => c.Length == 0 || double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var numbers = cells.Select(c => c.Length == 0 ? (double?)null : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            return nullable ? (new DataField<double?>(name), numbers) : (new DataField<double>(name), numbers.Select(n => n!.Value).ToArray());
        }

        return (new DataField<string>(name, nullable), cells.Select(c => c.Length == 0 ? null : c).ToArray());
    }
}
