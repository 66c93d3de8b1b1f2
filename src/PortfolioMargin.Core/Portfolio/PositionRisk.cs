namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// One position at t = 0: model value (quantity × multiplier × unit value, in currency) and its Greeks times
/// quantity × multiplier: delta and gamma in units of the underlying (not currency: see CurrencyGreeks for the
/// account's), vega per vol point (0.01), theta per calendar day; once the Monte Carlo is done, its share of the
/// account's ES and stress loss (<see cref="PositionAttribution"/>; null before).
/// </summary>
public sealed record PositionRisk(
    Position Position,
    double UnitValue,
    double MarketValue,
    double DeltaUnderlyingUnits,
    double GammaUnderlyingUnits,
    double VegaPerVolPoint,
    double ThetaPerDay,
    PositionAttribution? Attribution = null);
