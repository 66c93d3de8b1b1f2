using ILGPU;
using PortfolioMargin.Engine.Attribution;

namespace PortfolioMargin.Kernels;

/// <summary>Where a chunk's horizon spots are and how they are bucketed (<see cref="SpotBuckets"/>).</summary>
internal struct BucketParameters
{
    /// <summary>ln S₀ per underlying.</summary>
    public ArrayView<double> LogSpot;

    /// <summary>Buckets per unit of log return per underlying.</summary>
    public ArrayView<double> Scale;

    /// <summary>Paths in the chunk.</summary>
    public int Paths;
}

internal static class ExtremesKernel
{
    /// <summary>BucketPaths: bucket[u·paths + p] of each underlying's horizon spot on each path of the chunk.</summary>
    public static void BucketPaths(ArrayView<double> horizonSpot, ArrayView<int> bucket, BucketParameters parameters)
    {
        var stride = (long)Grid.DimX * Group.DimX;
        for (var item = (long)Grid.GlobalLinearIndex; item < bucket.Length; item += stride)
        {
            var u = (int)(item / parameters.Paths);
            bucket[item] = SpotBuckets.Of(horizonSpot[item], parameters.LogSpot[u], parameters.Scale[u]);
        }
    }

    /// <summary>
    /// TrackExtremes: folds a horizon tile [instrument·paths + path] into each instrument's lowest and highest unit
    /// P&amp;L per spot bucket, [instrument·buckets + bucket], one instrument per thread (a chunk's thousands of paths
    /// each, which suits ILGPU's CPU accelerator). Min and max are order-free, so the chunking changes nothing.
    /// </summary>
    public static void TrackExtremes(
        ArrayView<double> tile, ArrayView<int> bucket, ArrayView<int> underlyingIndex, ArrayView<double> lowest, ArrayView<double> highest, int paths)
    {
        var stride = Grid.DimX * Group.DimX;
        for (var i = Grid.GlobalLinearIndex; i < underlyingIndex.IntLength; i += stride)
        {
            var row = (long)i * paths;
            var buckets = (long)underlyingIndex[i] * paths;
            var first = (long)i * SpotBuckets.Count;
            for (var p = 0; p < paths; p++)
            {
                var value = tile[row + p];
                var at = first + bucket[buckets + p];
                lowest[at] = Math.Min(lowest[at], value);
                highest[at] = Math.Max(highest[at], value);
            }
        }
    }
}
