namespace PortfolioMargin.Engine;

/// <summary>
/// Memory bounds of a run. A book larger than the budget is processed in account batches (all paths of a batch's
/// accounts stay resident, the tail needs them) and path chunks (the instrument tile and the factors). The batch
/// split never changes a result: random numbers are keyed by global path index and sums run in file order.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>Device memory the engine may use for its working buffers.</summary>
    public long MemoryBudgetBytes { get; init; } = 1L << 30;

    /// <summary>Upper bound on accounts per batch (null: as many as the budget allows).</summary>
    public int? MaxAccountsPerBatch { get; init; }

    /// <summary>Upper bound on paths per chunk (null: as many as the budget allows).</summary>
    public int? MaxPathsPerChunk { get; init; }
}
