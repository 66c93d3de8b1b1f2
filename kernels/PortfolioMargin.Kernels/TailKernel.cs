using ILGPU;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Kernels;

/// <summary>Scalars of a tail reduction: the order statistics and the sign that turns a row into losses.</summary>
internal struct TailParameters
{
    public int Accounts;
    public int Paths;
    public int VarRank;
    public int TailCount;
    public double Confidence;

    /// <summary>−1 when the rows hold P&amp;L, +1 when they already hold losses.</summary>
    public double LossSign;
}

/// <summary>Per-account VaR, ES and ES standard error, structure of arrays.</summary>
internal struct TailOutput
{
    public ArrayView<double> ValueAtRisk;
    public ArrayView<double> ExpectedShortfall;
    public ArrayView<double> StdError;
}

internal static class TailKernel
{
    /// <summary>
    /// ReduceTailLoss: per account, selection (quickselect with a median-of-three pivot and Hoare partition, which
    /// stays linear when many losses are equal, as in a hedged book) puts the ⌈(1−α)N⌉ largest losses at the end
    /// of the scratch row; they are then sorted ascending so the ES sum has one fixed order on every backend and
    /// in the host reference. Only three numbers per account leave the device.
    /// </summary>
    public static void ReduceTailLoss(ArrayView<double> rows, ArrayView<double> scratch, TailOutput output, TailParameters parameters)
    {
        var stride = Grid.DimX * Group.DimX;
        var n = parameters.Paths;
        for (var a = Grid.GlobalLinearIndex; a < parameters.Accounts; a += stride)
        {
            var row = scratch.SubView((long)a * n, n);
            var source = rows.SubView((long)a * n, n);
            for (var p = 0; p < n; p++)
            {
                row[p] = parameters.LossSign * source[p];
            }

            var tailStart = n - parameters.TailCount;
            Select(row, tailStart);
            ShellSort(row, tailStart, n);

            var varIndex = parameters.VarRank - 1;
            double valueAtRisk;
            if (varIndex >= tailStart)
            {
                valueAtRisk = row[varIndex];
            }
            else
            {
                // The VaR order statistic sits just below the tail: the largest of the lower part.
                valueAtRisk = row[0];
                for (var p = 1; p < tailStart; p++)
                {
                    valueAtRisk = Math.Max(valueAtRisk, row[p]);
                }
            }

            var sum = 0.0;
            for (var p = tailStart; p < n; p++)
            {
                sum += row[p];
            }

            var mean = sum / parameters.TailCount;
            var squares = 0.0;
            for (var p = tailStart; p < n; p++)
            {
                squares += (row[p] - mean) * (row[p] - mean);
            }

            var variance = parameters.TailCount > 1 ? squares / (parameters.TailCount - 1) : 0.0;
            output.ValueAtRisk[a] = valueAtRisk;
            output.ExpectedShortfall[a] = mean;
            output.StdError[a] = TailRisk.StdError(parameters.Confidence, valueAtRisk, mean, variance, parameters.TailCount);
        }
    }

    /// <summary>
    /// Rearranges the row so that row[target] is its order statistic, smaller before and larger after: the copy, on
    /// an ArrayView, of Core's TailSelection.Select (and the tail sums above of TailRisk.FromSortedTail); a change to
    /// one is a change to both, which TailSelectionAgreementTests checks bit for bit on hard rows.
    /// </summary>
    private static void Select(ArrayView<double> row, int target)
    {
        var lo = 0;
        var hi = (int)row.Length - 1;
        while (hi > lo)
        {
            var mid = lo + (hi - lo) / 2;
            var x = row[lo];
            var y = row[mid];
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
                    var swap = row[i];
                    row[i] = row[j];
                    row[j] = swap;
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

    /// <summary>
    /// Ascending Shell sort of [from, to): Ciura's gaps, extended by ×2.25 above 701 for tails of many thousands.
    /// In place and without recursion, which a kernel needs; any decreasing gaps ending at 1 sort correctly.
    /// </summary>
    private static void ShellSort(ArrayView<double> row, int from, int to)
    {
        var count = to - from;
        var gap = 701;
        while (gap * 2.25 < count)
        {
            gap = (int)(gap * 2.25);
        }

        for (; gap > 701; gap = (int)(gap / 2.25))
        {
            GappedInsertion(row, from, to, gap);
        }

        for (var g = 7; g >= 0; g--)
        {
            GappedInsertion(row, from, to, CiuraGap(g));
        }
    }

    private static void GappedInsertion(ArrayView<double> row, int from, int to, int gap)
    {
        for (var i = from + gap; i < to; i++)
        {
            var value = row[i];
            var j = i;
            while (j - gap >= from && row[j - gap] > value)
            {
                row[j] = row[j - gap];
                j -= gap;
            }

            row[j] = value;
        }
    }

    private static int CiuraGap(int g) => g switch
    {
        0 => 1,
        1 => 4,
        2 => 10,
        3 => 23,
        4 => 57,
        5 => 132,
        6 => 301,
        _ => 701,
    };
}
