namespace PortfolioMargin.Silo.Runs;

/// <summary>How an end-of-day run fans out and how hard it tries before it gives an account up.</summary>
public sealed record MarginRunOptions
{
    /// <summary>Accounts priced at once across the cluster: enough to fill every silo's batches, not the whole book.</summary>
    public int MaxAccountsInFlight { get; init; } = 1024;

    /// <summary>
    /// Tries per account. A silo that dies mid-call costs one; until the cluster declares it dead (seconds to tens of
    /// seconds), calls routed to it keep failing, so the delay doubles from <see cref="RetryDelay"/> up to
    /// <see cref="MaxRetryDelay"/> and the default budget outlasts Orleans' default failure detection.
    /// </summary>
    public int MaxAttempts { get; init; } = 10;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Progress is saved this often, so a run whose own silo dies resumes instead of starting over.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);
}
