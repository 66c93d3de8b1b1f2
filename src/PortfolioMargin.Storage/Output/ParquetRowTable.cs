using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A table read off a list of records, each column a function of the record. Columns are evaluated one row group
/// at a time into buffers reused from group to group, so a table of 10 M rows holds one group's columns at most.
/// The records are read when the table is written, not when it is built; write a table once, from one caller.
/// </summary>
public sealed class ParquetRowTable<TRow>(IReadOnlyList<TRow> rows)
{
    /// <summary>
    /// Rows are evaluated in tiles of this many, all columns per tile, so the tile's records are still in cache for
    /// every column; one pass over 10 M scattered records per column took twice as long.
    /// </summary>
    private const int TileRows = 4096;

    private readonly List<Column> _columns = [];

    public ParquetRowTable<TRow> Add(string name, Func<TRow, string?> value)
    {
        _columns.Add(new TextColumn(new DataField<string>(name, true), value));
        return this;
    }

    public ParquetRowTable<TRow> Add<T>(string name, Func<TRow, T> value)
        where T : struct
    {
        _columns.Add(new ValueColumn<T>(new DataField<T>(name), value));
        return this;
    }

    public ParquetRowTable<TRow> Add<T>(string name, Func<TRow, T?> value)
        where T : struct
    {
        _columns.Add(new NullableColumn<T>(new DataField<T?>(name), value));
        return this;
    }

    public Task WriteAsync(string path, CancellationToken cancellation = default) =>
        ParquetFile.WriteAsync(path, _columns.Select(c => c.Field).ToArray(), rows.Count, WriteGroupAsync, cancellation);

    private async Task WriteGroupAsync(ParquetRowGroupWriter group, int start, int count, CancellationToken cancellation)
    {
        var tile = new TRow[Math.Min(TileRows, count)];
        for (var offset = 0; offset < count; offset += TileRows)
        {
            var length = Math.Min(TileRows, count - offset);
            for (var i = 0; i < length; i++)
            {
                tile[i] = rows[start + offset + i];
            }

            foreach (var column in _columns)
            {
                column.Evaluate(tile.AsSpan(0, length), offset, count);
            }
        }

        foreach (var column in _columns)
        {
            await column.WriteAsync(group, count, cancellation);
        }
    }

    private abstract class Column(DataField field)
    {
        public DataField Field { get; } = field;

        /// <summary>Evaluates a tile of the group's rows into buffer slots [offset, offset + tile.Length).</summary>
        public abstract void Evaluate(ReadOnlySpan<TRow> tile, int offset, int groupRows);

        /// <summary>Writes the first <paramref name="count"/> buffer slots as this column of the group.</summary>
        public abstract Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellation);

        protected static Span<T> Slots<T>(ref T[] buffer, int offset, int length, int groupRows)
        {
            if (buffer.Length < groupRows)
            {
                buffer = new T[groupRows];
            }

            return buffer.AsSpan(offset, length);
        }
    }

    private sealed class TextColumn(DataField field, Func<TRow, string?> value) : Column(field)
    {
        private ReadOnlyMemory<char>?[] _buffer = [];

        public override void Evaluate(ReadOnlySpan<TRow> tile, int offset, int groupRows)
        {
            var slots = Slots(ref _buffer, offset, tile.Length, groupRows);
            for (var i = 0; i < tile.Length; i++)
            {
                slots[i] = value(tile[i])?.AsMemory();
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellation) =>
            ParquetFile.WriteStringsAsync(group, Field, _buffer, count, cancellation);
    }

    private sealed class ValueColumn<T>(DataField field, Func<TRow, T> value) : Column(field)
        where T : struct
    {
        private T[] _buffer = [];

        public override void Evaluate(ReadOnlySpan<TRow> tile, int offset, int groupRows)
        {
            var slots = Slots(ref _buffer, offset, tile.Length, groupRows);
            for (var i = 0; i < tile.Length; i++)
            {
                slots[i] = value(tile[i]);
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellation) =>
            group.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_buffer, 0, count), cancellationToken: cancellation);
    }

    private sealed class NullableColumn<T>(DataField field, Func<TRow, T?> value) : Column(field)
        where T : struct
    {
        private T?[] _buffer = [];

        public override void Evaluate(ReadOnlySpan<TRow> tile, int offset, int groupRows)
        {
            var slots = Slots(ref _buffer, offset, tile.Length, groupRows);
            for (var i = 0; i < tile.Length; i++)
            {
                slots[i] = value(tile[i]);
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellation) =>
            group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_buffer, 0, count), cancellationToken: cancellation);
    }
}
