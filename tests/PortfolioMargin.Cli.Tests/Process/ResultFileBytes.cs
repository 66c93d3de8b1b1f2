using System.Buffers.Binary;
using System.Text;
using Parquet;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// A result file's bytes less its run id, for comparing the files of two runs that computed the same thing under
/// different ids (two processes, the default path and --direct): every other byte, the footer's other metadata
/// included, still has to match.
/// </summary>
public static class ResultFileBytes
{
    public static byte[] WithoutRunId(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var runId = RunIdOf(bytes).GetAwaiter().GetResult();

        // A file ends: footer, its 4-byte little-endian length, "PAR1". The footer is Thrift compact, where a string
        // is a varint length and its bytes: the value goes with its length (one byte: run ids are under 128 bytes).
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8, 4));
        var footerStart = bytes.Length - 8 - footerLength;
        var value = Encoding.UTF8.GetBytes(runId);
        Assert.InRange(value.Length, 1, 127);
        var found = bytes.AsSpan(footerStart, footerLength).IndexOf([(byte)value.Length, .. value]);
        Assert.True(found >= 0, $"{path}: run id {runId} not found in the footer");
        // The footer's length, which the id's length changes, goes too; "PAR1" stays.
        var after = footerStart + found + 1 + value.Length;
        return [.. bytes.AsSpan(0, footerStart + found), .. bytes.AsSpan(after, bytes.Length - 8 - after), .. bytes.AsSpan(bytes.Length - 4)];
    }

    private static async Task<string> RunIdOf(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        return reader.CustomMetadata[ResultMetadata.RunIdKey];
    }
}
