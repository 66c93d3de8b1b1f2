namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// How an end-of-day run drives its shards and how hard it tries before it gives one up: the configuration section
/// <c>PortfolioMargin:Cluster:Runs</c> (times as hh:mm:ss.fff), checked by MarginClusterOptionsValidator.
/// </summary>
public sealed record MarginRunOptions
{
    /// <summary>
    /// Tries per shard. A silo that dies mid-shard costs one; until the cluster declares it dead (seconds to tens of
    /// seconds), calls routed to it keep failing, so the delay doubles from <see cref="RetryDelay"/> up to
    /// <see cref="MaxRetryDelay"/> and the default budget outlasts Orleans' default failure detection. Default 10.
    /// </summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait after a shard's first failed attempt. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between attempts, at least <see cref="RetryDelay"/>. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a failed attempt: doubling from <see cref="RetryDelay"/>, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks << Math.Clamp(attempt - 1, 0, 20)));

    /// <summary>
    /// How long one poll of a shard waits for it: far below Orleans' response timeout, so a shard that prices for
    /// minutes never holds a call open that long. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
