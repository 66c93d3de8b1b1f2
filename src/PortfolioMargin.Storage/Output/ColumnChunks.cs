using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// Writes the column chunks of one row group, each in the schema's order, required columns from plain values and
/// optional ones from nullable values.
/// </summary>
/// <remarks>
/// A chunk with no value (a column that is all null in the group, or a group of no rows) is written with no min/max
/// statistics. Parquet.Net would give a number column min = max = 0 there, which a reader takes as a bound of values
/// that do not exist; it computes none on its byte-stream-split path, so such a chunk takes that encoding for its
/// values (of which there are none: the chunk is its null levels alone). Text and date chunks with no value already
/// get none.
/// </remarks>
internal sealed class ColumnChunks(ParquetRowGroupWriter group, ParquetOptions options)
{
    public Task WriteAsync<T>(DataField field, ReadOnlyMemory<T> values, CancellationToken cancellation)
        where T : struct =>
        WithHintAsync(field, values.Length > 0, () => group.WriteAsync(field, values, cancellationToken: cancellation));

    public Task WriteAsync<T>(DataField field, ReadOnlyMemory<T?> values, CancellationToken cancellation)
        where T : struct =>
        WithHintAsync(field, HasValue(values.Span), () => group.WriteAsync(field, values, cancellationToken: cancellation));

    private static bool HasValue<T>(ReadOnlySpan<T?> values)
        where T : struct
    {
        foreach (var value in values)
        {
            if (value.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parquet.Net reads a column's encoding hint from the writer's options when the chunk is written, so the hint of
    /// a chunk with no value is set for that chunk alone and the column's own one put back after it.
    /// </summary>
    private async Task WithHintAsync(DataField field, bool hasValues, Func<Task> write)
    {
        if (hasValues)
        {
            await write();
            return;
        }

        var key = field.Path.ToString();
        var hadHint = options.ColumnEncodingHints.TryGetValue(key, out var hint);
        options.ColumnEncodingHints[key] = EncodingHint.ByteSplitStream;
        try
        {
            await write();
        }
        finally
        {
            if (hadHint)
            {
                options.ColumnEncodingHints[key] = hint;
            }
            else
            {
                options.ColumnEncodingHints.Remove(key);
            }
        }
    }
}
