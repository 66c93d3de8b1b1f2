using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PortfolioMargin.Core.Market;

/// <summary>
/// A correlation matrix as the entries where it differs from the identity, row-major (index i·n + j), compared bit
/// for bit so that a −0.0 off the diagonal or a NaN is kept exactly. A market of thousands of uncorrelated
/// underlyings is mostly identity: its entries are a small list where the matrix is gigabytes.
/// </summary>
public sealed record CorrelationEntries(long[] Index, double[] Value)
{
    private static readonly long OneBits = BitConverter.DoubleToInt64Bits(1.0);

    /// <summary>
    /// The entries that differ from the identity, or null once they are half of all entries or more (two numbers
    /// an entry, against one a cell dense): the scan then stops, so a dense matrix is not listed first.
    /// </summary>
    public static CorrelationEntries? Of(double[,] correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        var size = correlation.GetLength(0);
        var cells = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, long>(ref MemoryMarshal.GetArrayDataReference(correlation)), correlation.Length);
        var index = new List<long>();
        var value = new List<double>();
        for (var i = 0; i < size; i++)
        {
            var first = (long)i * size;
            var row = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(cells), (nint)first), size);
            NonZero(row[..i], first, index, value);
            if (row[i] != OneBits)
            {
                index.Add(first + i);
                value.Add(BitConverter.Int64BitsToDouble(row[i]));
            }

            NonZero(row[(i + 1)..], first + i + 1, index, value);
            if (2L * index.Count >= (long)size * size)
            {
                return null;
            }
        }

        return new CorrelationEntries([.. index], [.. value]);
    }

    /// <summary>The cells of <paramref name="bits"/> that are not +0.0, skipping runs of zeros a vector at a time.</summary>
    private static void NonZero(ReadOnlySpan<long> bits, long first, List<long> index, List<double> value)
    {
        for (var j = 0; j < bits.Length; j++)
        {
            var next = bits[j..].IndexOfAnyExcept(0L);
            if (next < 0)
            {
                return;
            }

            j += next;
            index.Add(first + j);
            value.Add(BitConverter.Int64BitsToDouble(bits[j]));
        }
    }
}
