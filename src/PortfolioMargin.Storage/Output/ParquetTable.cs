using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>A table of whole columns, written in row groups of <see cref="ParquetFile.RowGroupRows"/> rows.</summary>
public sealed class ParquetTable
{
    private readonly List<(DataField Field, Func<ColumnChunks, int, int, CancellationToken, Task> Write)> _columns = [];
    private readonly List<string> _dictionaryColumns = [];
    private int _rowCount;

    /// <summary>A required text column; <paramref name="dictionary"/> for a few distinct values repeated (statuses, names).</summary>
    public ParquetTable Add(string name, string[] values, bool dictionary = false)
    {
        var field = new DataField<string>(name, false);
        if (dictionary)
        {
            _dictionaryColumns.Add(name);
        }

        var memories = Array.ConvertAll(values, v => v.AsMemory());
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>>(memories, start, count), cancellation));
    }

    /// <summary>
    /// A required TIMESTAMP column adjusted to UTC (what readers show as a time with time zone), in milliseconds:
    /// Parquet.Net 6.1 writes the min/max of an INT64 timestamp in milliseconds whatever its unit, so a microsecond
    /// column's bounds fell in January 1970 and a reader's filter on time skipped row groups it should have read.
    /// </summary>
    public ParquetTable AddTimestamp(string name, DateTimeOffset[] values)
    {
        var field = new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
        var utc = Array.ConvertAll(values, v => v.UtcDateTime);
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync(field, new ReadOnlyMemory<DateTime>(utc, start, count), cancellation));
    }

    /// <summary>A required column of values.</summary>
    public ParquetTable Add<T>(string name, T[] values)
        where T : struct
    {
        var field = new DataField<T>(name);
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync(field, new ReadOnlyMemory<T>(values, start, count), cancellation));
    }

    /// <summary>An optional column of values.</summary>
    public ParquetTable Add<T>(string name, T?[] values)
        where T : struct
    {
        var field = new DataField<T?>(name);
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync(field, new ReadOnlyMemory<T?>(values, start, count), cancellation));
    }

    /// <summary>Writes the table with <paramref name="metadata"/> in its footer.</summary>
    public Task WriteAsync(string path, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation = default) =>
        ParquetFile.WriteAsync(path, _columns.Select(c => c.Field).ToArray(), _dictionaryColumns, _rowCount, WriteGroupAsync, metadata, cancellation);

    private async Task WriteGroupAsync(ColumnChunks group, int start, int count, CancellationToken cancellation)
    {
        foreach (var (_, write) in _columns)
        {
            await write(group, start, count, cancellation);
        }
    }

    private ParquetTable Add(DataField field, int rowCount, Func<ColumnChunks, int, int, CancellationToken, Task> write)
    {
        if (_columns.Count > 0 && rowCount != _rowCount)
        {
            throw new ArgumentException($"column {field.Name} has {rowCount} rows, the columns before it {_rowCount}", nameof(rowCount));
        }

        _rowCount = rowCount;
        _columns.Add((field, write));
        return this;
    }
}
