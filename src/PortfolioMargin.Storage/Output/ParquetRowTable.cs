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
    private readonly List<string> _dictionaryColumns = [];

    /// <summary>A required text column; <paramref name="dictionary"/> for a few distinct values repeated (statuses, names).</summary>
    public ParquetRowTable<TRow> Add(string name, Func<TRow, string> value, bool dictionary = false) =>
        Add(new TextColumn(new DataField<string>(name, false), value), dictionary);

    /// <summary>An optional text column: null where <paramref name="value"/> gives null.</summary>
    public ParquetRowTable<TRow> AddOptional(string name, Func<TRow, string?> value, bool dictionary = false) =>
        Add(new OptionalTextColumn(new DataField<string>(name, true), value), dictionary);

    /// <summary>A required column of values (double, int, bool, <see cref="DateOnly"/> as a DATE).</summary>
    public ParquetRowTable<TRow> Add<T>(string name, Func<TRow, T> value)
        where T : struct =>
        Add(new ValueColumn<T>(new DataField<T>(name), value), dictionary: false);

    /// <summary>An optional column of values: null where <paramref name="value"/> gives null.</summary>
    public ParquetRowTable<TRow> Add<T>(string name, Func<TRow, T?> value)
        where T : struct =>
        Add(new NullableColumn<T>(new DataField<T?>(name), value), dictionary: false);

    /// <summary>Writes the table with <paramref name="metadata"/> in its footer.</summary>
    public Task WriteAsync(string path, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation = default) =>
        ParquetFile.WriteAsync(
            path, _columns.Select(c => c.Field).ToArray(), _dictionaryColumns, rows.Count, WriteGroupAsync, metadata, cancellation);

    private ParquetRowTable<TRow> Add(Column column, bool dictionary)
    {
        _columns.Add(column);
        if (dictionary)
        {
            _dictionaryColumns.Add(column.Field.Name);
        }

        return this;
    }

    private async Task WriteGroupAsync(ColumnChunks group, int start, int count, CancellationToken cancellation)
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
        public abstract Task WriteAsync(ColumnChunks group, int count, CancellationToken cancellation);

        protected static Span<T> Slots<T>(ref T[] buffer, int offset, int length, int groupRows)
        {
            if (buffer.Length < groupRows)
            {
                buffer = new T[groupRows];
            }

            return buffer.AsSpan(offset, length);
        }
    }

    /// <summary>
    /// Parquet.Net takes strings as character memories; filling a reused buffer with them avoids its string helper's
    /// per-call conversion of the whole column.
    /// </summary>
    private sealed class TextColumn(DataField field, Func<TRow, string> value) : Column(field)
    {
        private ReadOnlyMemory<char>[] _buffer = [];

        public override void Evaluate(ReadOnlySpan<TRow> tile, int offset, int groupRows)
        {
            var slots = Slots(ref _buffer, offset, tile.Length, groupRows);
            for (var i = 0; i < tile.Length; i++)
            {
                slots[i] = value(tile[i]).AsMemory();
            }
        }

        public override Task WriteAsync(ColumnChunks group, int count, CancellationToken cancellation) =>
            group.WriteAsync<ReadOnlyMemory<char>>(Field, new ReadOnlyMemory<ReadOnlyMemory<char>>(_buffer, 0, count), cancellation);
    }

    private sealed class OptionalTextColumn(DataField field, Func<TRow, string?> value) : Column(field)
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

        public override Task WriteAsync(ColumnChunks group, int count, CancellationToken cancellation) =>
            group.WriteAsync<ReadOnlyMemory<char>>(Field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_buffer, 0, count), cancellation);
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

        public override Task WriteAsync(ColumnChunks group, int count, CancellationToken cancellation) =>
            group.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_buffer, 0, count), cancellation);
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

        public override Task WriteAsync(ColumnChunks group, int count, CancellationToken cancellation) =>
            group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_buffer, 0, count), cancellation);
    }
}
