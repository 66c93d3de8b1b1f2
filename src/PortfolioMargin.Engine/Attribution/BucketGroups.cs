namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// An account's candidates past its tail grouped by the spot bucket of one underlying, each group still sorted
/// largest loss first (a stable counting sort of the sorted list): a position reads each group only down to its
/// bound in that bucket, so it reads little more than the paths it then revalues.
/// </summary>
internal sealed class BucketGroups(int capacity)
{
    private readonly PathLoss[] _items = new PathLoss[capacity];
    private readonly int[] _start = new int[SpotBuckets.Count + 1];

    /// <summary>The underlying and the account (a running stamp) the groups were built for.</summary>
    public (int Underlying, long Account) Key { get; private set; } = (-1, -1);

    public void Build(int underlying, long account, ReadOnlySpan<PathLoss> candidates, ReadOnlySpan<int> bucketOfPath)
    {
        Key = (underlying, account);
        Span<int> counts = stackalloc int[SpotBuckets.Count];
        counts.Clear();
        foreach (var candidate in candidates)
        {
            var b = bucketOfPath[candidate.Path];
            counts[b]++;
        }

        _start[0] = 0;
        for (var b = 0; b < SpotBuckets.Count; b++)
        {
            _start[b + 1] = _start[b] + counts[b];
        }

        counts.Clear();
        foreach (var candidate in candidates)
        {
            var b = bucketOfPath[candidate.Path];
            _items[_start[b] + counts[b]++] = candidate;
        }
    }

    public ReadOnlySpan<PathLoss> Group(int bucket) => _items.AsSpan(_start[bucket], _start[bucket + 1] - _start[bucket]);
}
