using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>A column-oriented table written as one Parquet row group: the shape every result file has.</summary>
public sealed class ParquetTable
{
    private readonly List<(DataField Field, Func<ParquetRowGroupWriter, DataField, CancellationToken, Task> Write)> _columns = [];

    public ParquetTable Add(string name, string?[] values)
    {
        _columns.Add((new DataField<string>(name, true), (g, f, c) => g.WriteAsync(f, values!)));
        return this;
    }

    public ParquetTable Add<T>(string name, T[] values)
        where T : struct
    {
        _columns.Add((new DataField<T>(name), (g, f, c) => g.WriteAsync<T>(f, values.AsMemory(), cancellationToken: c)));
        return this;
    }

    public ParquetTable Add<T>(string name, T?[] values)
        where T : struct
    {
        _columns.Add((new DataField<T?>(name), (g, f, c) => g.WriteAsync<T>(f, new ReadOnlyMemory<T?>(values), cancellationToken: c)));
        return this;
    }

    public async Task WriteAsync(string path, CancellationToken cancellation = default)
    {
        var schema = new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray());
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellation);
        using var group = writer.CreateRowGroup();
        foreach (var (field, write) in _columns)
        {
            await write(group, field, cancellation);
        }
    }
}
