using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>A table of whole columns, written in row groups of <see cref="ParquetFile.RowGroupRows"/> rows.</summary>
public sealed class ParquetTable
{
    private readonly List<(DataField Field, Func<ParquetRowGroupWriter, int, int, CancellationToken, Task> Write)> _columns = [];
    private int _rowCount;

    public ParquetTable Add(string name, string?[] values)
    {
        var field = new DataField<string>(name, true);
        ReadOnlyMemory<char>?[] buffer = [];
        return Add(field, values.Length, (group, start, count, cancellation) =>
        {
            if (buffer.Length < count)
            {
                buffer = new ReadOnlyMemory<char>?[count];
            }

            for (var i = 0; i < count; i++)
            {
                buffer[i] = values[start + i]?.AsMemory();
            }

            return ParquetFile.WriteStringsAsync(group, field, buffer, count, cancellation);
        });
    }

    public ParquetTable Add<T>(string name, T[] values)
        where T : struct
    {
        var field = new DataField<T>(name);
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync<T>(field, new ReadOnlyMemory<T>(values, start, count), cancellationToken: cancellation));
    }

    public ParquetTable Add<T>(string name, T?[] values)
        where T : struct
    {
        var field = new DataField<T?>(name);
        return Add(field, values.Length, (group, start, count, cancellation) =>
            group.WriteAsync<T>(field, new ReadOnlyMemory<T?>(values, start, count), cancellationToken: cancellation));
    }

    public Task WriteAsync(string path, CancellationToken cancellation = default) =>
        ParquetFile.WriteAsync(path, _columns.Select(c => c.Field).ToArray(), _rowCount, WriteGroupAsync, cancellation);

    private async Task WriteGroupAsync(ParquetRowGroupWriter group, int start, int count, CancellationToken cancellation)
    {
        foreach (var (_, write) in _columns)
        {
            await write(group, start, count, cancellation);
        }
    }

    private ParquetTable Add(DataField field, int rowCount, Func<ParquetRowGroupWriter, int, int, CancellationToken, Task> write)
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
