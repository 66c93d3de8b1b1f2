using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Core.Tests.Scenarios;

/// <summary>A correlation's entries off the identity rebuild it bit for bit; a dense matrix has none to list.</summary>
public sealed class CorrelationEntriesTests
{
    [Fact]
    public void Entries_off_the_identity_rebuild_the_matrix_to_the_bit_in_row_major_order()
    {
        var matrix = MarketSnapshot.Identity(300);
        (matrix[0, 299], matrix[299, 0]) = (0.25, 0.25);
        matrix[5, 7] = -0.0; // not +0.0's bits
        matrix[10, 10] = 0.0; // a diagonal that is not 1
        matrix[200, 3] = double.NaN;
        matrix[150, 150] = 1.0000000000000002;

        var entries = CorrelationEntries.Of(matrix)!;

        Assert.Equal(6, entries.Index.Length);
        Assert.Equal(entries.Index.Order(), entries.Index);
        var rebuilt = MarketSnapshot.Identity(300);
        for (var k = 0; k < entries.Index.Length; k++)
        {
            rebuilt[entries.Index[k] / 300, entries.Index[k] % 300] = entries.Value[k];
        }

        Assert.Equal(matrix.Cast<double>().Select(BitConverter.DoubleToInt64Bits), rebuilt.Cast<double>().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_matrix_half_off_the_identity_or_more_has_no_entry_list()
    {
        var dense = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                dense[i, j] = i == j ? 1.0 : 0.5;
            }
        }

        Assert.Null(CorrelationEntries.Of(dense)); // 12 of 16 entries off the identity
        Assert.Empty(CorrelationEntries.Of(MarketSnapshot.Identity(4))!.Index);
    }
}
