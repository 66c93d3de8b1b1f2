using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// How every result file is laid out: consecutive row groups of at most <see cref="RowGroupRows"/> rows, Parquet.Net's
/// default encodings (plain values, RLE levels) and Snappy pages.
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
    public static async Task WriteAsync(
        string path, IReadOnlyList<DataField> fields, int rowCount,
        Func<ParquetRowGroupWriter, int, int, CancellationToken, Task> writeGroup, CancellationToken cancellation)
    {
        var schema = new ParquetSchema(fields.ToArray<Field>());
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellation);
        var start = 0;
        do
        {
            var count = Math.Min(RowGroupRows, rowCount - start);
            using var group = writer.CreateRowGroup();
            await writeGroup(group, start, count, cancellation);
            group.CompleteValidate();
            start += count;
        }
        while (start < rowCount);
    }

    /// <summary>
    /// Parquet.Net takes strings as nullable character memories; filling a reused buffer with them avoids its
    /// string helper's per-call conversion of the whole column.
    /// </summary>
    public static Task WriteStringsAsync(
        ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<char>?[] buffer, int count, CancellationToken cancellation) =>
        group.WriteAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(buffer, 0, count), cancellationToken: cancellation);
}
