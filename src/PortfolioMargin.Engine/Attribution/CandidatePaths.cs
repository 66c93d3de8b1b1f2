namespace PortfolioMargin.Engine.Attribution;

/// <summary>A path and the account's loss on it.</summary>
internal readonly record struct PathLoss(double Loss, int Path);

/// <summary>An account's candidate paths, sorted largest loss first (ties to the lower path index) once filled.</summary>
internal sealed class CandidatePaths(int capacity)
{
    private readonly PathLoss[] _keys = new PathLoss[capacity];
    private readonly double[] _losses = new double[capacity];
    private readonly int[] _paths = new int[capacity];

    public int Count { get; private set; }

    public PathLoss this[int k] => _keys[k];

    /// <summary>Starts over with the paths whose loss is at least <paramref name="threshold"/>, sorted.</summary>
    public void Reset(ReadOnlySpan<double> loss, double threshold)
    {
        Clear();
        for (var p = 0; p < loss.Length; p++)
        {
            if (loss[p] >= threshold)
            {
                Add(loss[p], p);
            }
        }

        Sort();
    }

    public void Clear() => Count = 0;

    public void Add(double loss, int path) => _keys[Count++] = new PathLoss(loss, path);

    /// <summary>
    /// Largest loss first, ties to the lower path index: the losses are sorted as plain doubles (the runtime's fast
    /// path, no comparer calls), then each run of equal losses by path.
    /// </summary>
    public void Sort()
    {
        var losses = _losses.AsSpan(0, Count);
        var paths = _paths.AsSpan(0, Count);
        for (var k = 0; k < Count; k++)
        {
            losses[k] = -_keys[k].Loss;
            paths[k] = _keys[k].Path;
        }

        losses.Sort(paths);
        var start = 0;
        for (var k = 1; k <= Count; k++)
        {
            if (k == Count || losses[k] != losses[start])
            {
                if (k - start > 1)
                {
                    paths[start..k].Sort();
                }

                start = k;
            }
        }

        for (var k = 0; k < Count; k++)
        {
            _keys[k] = new PathLoss(-losses[k], paths[k]);
        }
    }

    /// <summary>The sorted candidates from <paramref name="start"/> on.</summary>
    public ReadOnlySpan<PathLoss> From(int start) => _keys.AsSpan(start, Count - start);
}
