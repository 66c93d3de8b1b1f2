namespace PortfolioMargin.Core.Runs;

/// <summary>
/// What a report draws for one account beyond accounts.parquet's figures: a fine histogram of the horizon loss over
/// the Monte Carlo paths (bins of equal width from the smallest loss to the largest) and the loss at every point of
/// the stress grid. Recorded only when a report is asked for (`pm run --report`); the paths themselves are not kept.
/// </summary>
/// <param name="LossLowest">Lower edge of the first bin, in currency (the smallest horizon loss; negative is a gain).</param>
/// <param name="BinWidth">Width of every bin, in currency (0 when every path has the same loss: one bin).</param>
/// <param name="PathCounts">Paths per bin; the last bin includes its upper edge, the largest loss.</param>
/// <param name="Stress">Every grid point in price-major order, as the engine priced it.</param>
public sealed record AccountDetail(string Account, double LossLowest, double BinWidth, int[] PathCounts, IReadOnlyList<StressCell> Stress)
{
    /// <summary>Bins of the loss histogram: fine enough to show a tail, small enough to keep per account.</summary>
    public const int Bins = 100;

    /// <summary>The histogram of the losses of one account's paths.</summary>
    public static (double Lowest, double Width, int[] Counts) Histogram(ReadOnlySpan<double> losses, int bins = Bins)
    {
        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        foreach (var loss in losses)
        {
            lowest = Math.Min(lowest, loss);
            highest = Math.Max(highest, loss);
        }

        var counts = new int[losses.IsEmpty || highest == lowest ? 1 : bins];
        if (losses.IsEmpty)
        {
            return (0.0, 0.0, counts);
        }

        var width = counts.Length == 1 ? 0.0 : (highest - lowest) / bins;
        foreach (var loss in losses)
        {
            var bin = width == 0.0 ? 0 : Math.Min(bins - 1, (int)((loss - lowest) / width));
            counts[bin]++;
        }

        return (lowest, width, counts);
    }
}

/// <summary>One stress-grid point's loss: relative price move and relative ATM-vol move applied to every underlying.</summary>
public readonly record struct StressCell(double PriceMoveRelative, double VolMoveRelative, double Loss);
