using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// Everything one margin run reads, parsed and cross-checked (see <see cref="PortfolioValidation"/>). With
/// <paramref name="Scenarios"/> the run prices that given set instead of simulating paths: one scenario per path,
/// so the config must have one step and as many paths as scenarios. Only the underlyings the book references are
/// simulated (<see cref="Factors"/>): an unused underlying in the snapshot changes no result.
/// </summary>
public sealed record MarginInputs(
    MarketSnapshot Market,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<CollateralHolding> Collateral,
    RiskConfig Config,
    ScenarioSet? Scenarios = null)
{
    /// <summary>
    /// The underlyings the run simulates first, in this order (<see cref="FactorSet.Of"/>); null: those the positions
    /// and collateral reference, in the snapshot's order. A run cut into parts (shards, an account recomputed
    /// intraday) gives every part the whole run's set, so each part draws the factors the whole run drew and an
    /// account's margin does not depend on which other accounts share the call.
    /// </summary>
    public IReadOnlyList<string>? Factors { get; init; }
}
