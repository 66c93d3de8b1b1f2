using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// How every result file is laid out: consecutive row groups of at most <see cref="RowGroupRows"/> rows, plain values
/// and RLE levels, dictionary-encoded strings where a column says so (statuses, types, names), Snappy pages, and the
/// run's key-value metadata in the footer.
/// </summary>
/// <remarks>
/// Measured on a 2-core machine, 2 M positions: Snappy costs no measurable time over no compression (the doubles are
/// incompressible and Snappy skips through them) and keeps files ~30% smaller; dictionary-encoding the repeated
/// strings saved ~5% of the size and no time; Zstd at Parquet.Net's default level was 50× slower.
/// </remarks>
internal static class ParquetFile
{
    /// <summary>
    /// Parquet.Net encodes and compresses a column chunk as one page in memory, so one group of 10 M rows made
    /// page buffers of hundreds of MB and wrote 3× slower than ten groups of 1 M; 1 M is also what most writers use.
    /// </summary>
    public const int RowGroupRows = 1_000_000;

    /// <summary>
    /// Writes <paramref name="rowCount"/> rows in row groups (one, empty, when there are none);
    /// <paramref name="writeGroup"/> writes every column of rows [start, start + count) into the group it is given.
    /// </summary>
    /// <param name="dictionaryColumns">The string columns to dictionary-encode (Parquet.Net does so only when asked,
    /// and only when at most 80% of a chunk's values are distinct).</param>
    /// <param name="metadata">The footer's key-value metadata, written in this order.</param>
    public static async Task WriteAsync(
        string path, IReadOnlyList<DataField> fields, IEnumerable<string> dictionaryColumns, int rowCount,
        Func<ColumnChunks, int, int, CancellationToken, Task> writeGroup, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellation)
    {
        var schema = new ParquetSchema(fields.ToArray<Field>());
        var options = new ParquetOptions();
        foreach (var name in dictionaryColumns)
        {
            options.ColumnEncodingHints[name] = EncodingHint.Dictionary;
        }

        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken: cancellation);
        writer.CustomMetadata = metadata;
        var start = 0;
        do
        {
            var count = Math.Min(RowGroupRows, rowCount - start);
            using var group = writer.CreateRowGroup();
            await writeGroup(new ColumnChunks(group, options), start, count, cancellation);
            group.CompleteValidate();
            start += count;
        }
        while (start < rowCount);
    }
}
