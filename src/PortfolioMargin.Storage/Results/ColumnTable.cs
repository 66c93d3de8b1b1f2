using System.Globalization;
using Parquet;
using Parquet.Schema;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Results;

/// <summary>
/// A result file read back whole, column by column (every row group), for readers that want the columns by name
/// rather than the domain records: the report, the checks of what landed on disk. Numbers of any width come back
/// as doubles, so a reader need not know which columns were written as int32; dates and times come back as ISO 8601
/// text (a DATE as yyyy-MM-dd, a TIMESTAMP in UTC), as a reader would print them.
/// </summary>
public sealed class ColumnTable
{
    private readonly Dictionary<string, string?[]> _text;
    private readonly Dictionary<string, double?[]> _numbers;

    private ColumnTable(string file, int rowCount, Dictionary<string, string?[]> text, Dictionary<string, double?[]> numbers, IReadOnlyDictionary<string, string> metadata)
    {
        File = file;
        RowCount = rowCount;
        Metadata = metadata;
        _text = text;
        _numbers = numbers;
    }

    public string File { get; }

    public int RowCount { get; }

    /// <summary>The footer's key-value metadata (ResultMetadata's keys in the files this project writes).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool Has(string column) => _text.ContainsKey(column) || _numbers.ContainsKey(column);

    /// <summary>A string column; a missing one is an error naming the file and the column.</summary>
    public string?[] Text(string column) =>
        _text.TryGetValue(column, out var values) ? values : throw new InputException(File, 0, column, "column is missing or is not a string column");

    /// <summary>A numeric column as doubles (null where the cell is null); a missing one is an error naming the file and the column.</summary>
    public double?[] Number(string column) =>
        _numbers.TryGetValue(column, out var values) ? values : throw new InputException(File, 0, column, "column is missing or is not a numeric column");

    /// <summary>Reads every column of the file; a file that is not whole Parquet is an <see cref="InputException"/> naming it.</summary>
    public static async Task<ColumnTable> ReadAsync(string path, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.File.Exists(full))
        {
            throw new InputException(full, 0, "", "file is missing");
        }

        try
        {
            await using var stream = System.IO.File.OpenRead(full);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellation);
            var fields = reader.Schema.GetDataFields();
            var rows = 0;
            var text = fields.Where(f => IsText(f) || IsTime(f)).ToDictionary(f => f.Name, _ => new List<string?>(), StringComparer.Ordinal);
            var numbers = fields.Where(f => !IsText(f) && !IsTime(f)).ToDictionary(f => f.Name, _ => new List<double?>(), StringComparer.Ordinal);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                rows += count;
                foreach (var field in fields)
                {
                    if (IsTime(field))
                    {
                        text[field.Name].AddRange(await ReadTimesAsync(group, field, count, cancellation));
                    }
                    else if (IsText(field))
                    {
                        var values = new string?[count];
                        await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellation);
                        text[field.Name].AddRange(values);
                    }
                    else
                    {
                        numbers[field.Name].AddRange(await ReadNumbersAsync(group, field, count, cancellation));
                    }
                }
            }

            return new ColumnTable(full, rows,
                text.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal),
                numbers.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal),
                new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal));
        }
        // Parquet.Net reports a file cut short or overwritten in several ways (a bad magic number, a footer length past
        // the end, a page that decodes past its buffer): each is this file's fault, not the program's.
        catch (Exception error) when (error is IOException or InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            throw new InputException(full, 0, "", $"not a whole Parquet file (truncated or damaged?): {error.Message}");
        }
    }

    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static bool IsTime(DataField field) => field.ClrType == typeof(DateTime) || field.ClrType == typeof(DateOnly);

    private static async Task<string?[]> ReadTimesAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellation)
    {
        if (field.ClrType == typeof(DateOnly))
        {
            var dates = await ReadAsync<DateOnly>(group, field, count, cancellation);
            return dates.Select(d => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        }

        var dateOnly = field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date };
        var times = await ReadAsync<DateTime>(group, field, count, cancellation);
        return times.Select(t => t?.ToString(dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// One column chunk as nullable values. A required column is read into plain values first: Parquet.Net, asked
    /// to fill a nullable buffer from a column with no definition levels, left about half the cells of a required
    /// DATE column null in some processes (seen by the backtest report's tests), so it is never asked to.
    /// </summary>
    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellation)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var plain = new T[count];
            await group.ReadAsync<T>(field, plain.AsMemory(), cancellationToken: cancellation);
            return plain.Select(v => (T?)v).ToArray();
        }

        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory(), cancellationToken: cancellation);
        return values;
    }

    private static async Task<double?[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellation)
    {
        var type = field.ClrType;
        if (type == typeof(double))
        {
            return await ReadAsync<double>(group, field, count, cancellation);
        }

        if (type == typeof(int))
        {
            return (await ReadAsync<int>(group, field, count, cancellation)).Select(v => (double?)v).ToArray();
        }

        if (type == typeof(long))
        {
            return (await ReadAsync<long>(group, field, count, cancellation)).Select(v => (double?)v).ToArray();
        }

        if (type == typeof(bool))
        {
            return (await ReadAsync<bool>(group, field, count, cancellation)).Select(v => v is { } b ? (double?)(b ? 1.0 : 0.0) : null).ToArray();
        }

        throw new NotSupportedException($"column '{field.Name}' has type {type.Name}, which the result files do not use");
    }
}
