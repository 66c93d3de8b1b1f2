using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// Everything one margin run reads, parsed and cross-checked (see <see cref="PortfolioValidation"/>). With
/// <paramref name="Scenarios"/> the run prices that given set instead of simulating paths: one scenario per path,
/// so the config must have one step and as many paths as scenarios.
/// </summary>
public sealed record MarginInputs(
    MarketSnapshot Market,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<CollateralHolding> Collateral,
    RiskConfig Config,
    ScenarioSet? Scenarios = null);
