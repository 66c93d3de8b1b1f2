using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Input;

/// <summary>Everything one margin run reads, parsed and cross-checked (see <see cref="PortfolioValidation"/>).</summary>
public sealed record MarginInputs(
    MarketSnapshot Market,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<CollateralHolding> Collateral,
    RiskConfig Config);
