using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Runs;

/// <summary>
/// Everything one run produced, in account order and positions-file order, and the work it took;
/// <paramref name="LossQuantiles"/> each account's loss distribution when the run was asked to keep it.
/// </summary>
public sealed record MarginRunResult(
    IReadOnlyList<AccountMargin> Accounts,
    IReadOnlyList<PositionRisk> Positions,
    string Device,
    StageTimings Timings,
    EngineWork Work,
    IReadOnlyList<Strategy.StrategyRow> Strategies,
    IReadOnlyDictionary<string, Risk.LossQuantiles>? LossQuantiles = null)
{
    public int AccountBatches => Work.AccountBatches;

    public int PathChunks => Work.PathChunks;

    /// <summary>Every account's loss histogram and stress grid, when the run was asked to record them for a report; else null.</summary>
    public IReadOnlyDictionary<string, AccountDetail>? Details { get; init; }
}
