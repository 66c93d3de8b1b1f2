namespace PortfolioMargin.Core.Risk;

/// <summary>
/// Tail statistics of one row of losses by selection rather than a full sort: quickselect (median-of-three pivot,
/// Hoare partition, linear even when many losses are equal as in a hedged book) moves the ⌈(1−α)N⌉ largest to
/// the end, and only they are sorted, so that the ES sum runs in ascending order as in
/// <see cref="TailRisk.FromLosses"/>. The device kernel (kernels/PortfolioMargin.Kernels/TailKernel.cs, ReduceTailLoss
/// and Select) runs a copy of this algorithm on its array views, because a kernel cannot take a Span; the
/// Engine tests' TailSelectionAgreementTests feed both copies the hard rows and hold them to the same bits.
/// </summary>
public static class TailSelection
{
    /// <summary>Reduces <paramref name="losses"/> in place (its order is destroyed).</summary>
    public static TailRisk Reduce(Span<double> losses, TailRanks ranks, double confidence)
    {
        var tailStart = ranks.TailStart;
        Select(losses, tailStart);
        var tail = losses[tailStart..];
        tail.Sort();
        var varIndex = ranks.VarRank - 1;
        var valueAtRisk = varIndex >= tailStart ? losses[varIndex] : Max(losses[..tailStart]);
        return TailRisk.FromSortedTail(tail, valueAtRisk, confidence);
    }

    /// <summary>Rearranges the row so that row[target] is its order statistic, smaller before and larger after.</summary>
    public static void Select(Span<double> row, int target)
    {
        var lo = 0;
        var hi = row.Length - 1;
        while (hi > lo)
        {
            var x = row[lo];
            var y = row[lo + (hi - lo) / 2];
            var z = row[hi];
            var pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (row[i] < pivot)
                {
                    i++;
                }

                while (row[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (row[i], row[j]) = (row[j], row[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = values[0];
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
