using ILGPU;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Kernels;

/// <summary>Where a path chunk of account P&amp;L lands, and whether a path-worst loss is tracked.</summary>
internal struct AggregationParameters
{
    /// <summary>Paths in the tile (the chunk).</summary>
    public int ChunkPaths;

    /// <summary>Row length of the account buffers (all paths of the run).</summary>
    public int RowPaths;

    /// <summary>Column of the chunk's first path in the account buffers.</summary>
    public int FirstPath;

    /// <summary>What this step does to the path-worst buffer: a <see cref="WorstLoss"/> mode (leave, start, fold).</summary>
    public int WorstMode;
}

internal static class AggregationKernel
{
    /// <summary>
    /// AggregateAccounts: each account's P&amp;L on each path as the weighted sum of its instruments' rows, summed in
    /// the positions-file order so that the result does not depend on how accounts or paths were batched.
    /// </summary>
    public static void AggregateAccounts(
        ArrayView<double> accountPnl, ArrayView<double> worstLoss, ArrayView<double> tile, AccountWeights accounts, AggregationParameters parameters)
    {
        var stride = (long)Grid.DimX * Group.DimX;
        var chunk = parameters.ChunkPaths;
        var total = (long)accounts.Accounts * chunk;
        for (var item = (long)Grid.GlobalLinearIndex; item < total; item += stride)
        {
            var a = (int)(item / chunk);
            var p = (int)(item - (long)a * chunk);
            var sum = 0.0;
            for (var e = accounts.Start[a]; e < accounts.Start[a + 1]; e++)
            {
                sum += accounts.Weight[e] * tile[(long)accounts.Instrument[e] * chunk + p];
            }

            var target = (long)a * parameters.RowPaths + parameters.FirstPath + p;
            accountPnl[target] = sum;
            if (parameters.WorstMode == WorstLoss.Start)
            {
                worstLoss[target] = -sum;
            }
            else if (parameters.WorstMode == WorstLoss.Fold)
            {
                worstLoss[target] = Math.Max(worstLoss[target], -sum);
            }
        }
    }
}
