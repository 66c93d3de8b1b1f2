namespace PortfolioMargin.Engine;

/// <summary>
/// Memory bounds of a run. A book larger than the budget is processed in account batches (all paths of a batch's
/// accounts stay resident, the tail needs them) and path chunks (the instrument tile and the factors). The batch
/// split never changes a result: random numbers are keyed by global path index and sums run in file order.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>
    /// Memory the engine may use for its working buffers; it never plans for more than half the device's (or, on
    /// the host backend, the machine's). Large enough that a 2,000-account book at 100,000 paths is one batch, so
    /// no instrument is revalued twice.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = 8L << 30;

    /// <summary>Upper bound on accounts per batch (null: as many as the budget allows).</summary>
    public int? MaxAccountsPerBatch { get; init; }

    /// <summary>Upper bound on paths per chunk (null: as many as the budget allows).</summary>
    public int? MaxPathsPerChunk { get; init; }

    /// <summary>
    /// Each position's share of its account's ES and stress loss (docs/model.md §12). On by default; a backtest,
    /// which reads only each account's VaR and ES, turns it off and saves its revaluations.
    /// </summary>
    public bool Attribution { get; init; } = true;

    /// <summary>
    /// The strategy-based requirement beside portfolio margin (docs/strategy-margin.md). On by default; off, every
    /// account's strategy margin is 0 and no strategy row is made (a backtest compares margin models, not rules).
    /// </summary>
    public bool StrategyMargin { get; init; } = true;

    /// <summary>Keep each account's loss distribution as <see cref="Core.Risk.LossQuantiles"/> (off by default).</summary>
    public bool LossQuantiles { get; init; }

    /// <summary>
    /// Keep every account's horizon-loss histogram and full stress grid (<see cref="Core.Runs.AccountDetail"/>) in
    /// <see cref="Core.Runs.MarginRunResult.Details"/>, for `pm run --report`; one more read of each account's row.
    /// </summary>
    public bool RecordAccountDetail { get; init; }
}
