namespace PortfolioMargin.Core.Risk;

/// <summary>
/// An account's Greeks in currency, so underlyings add up: delta × spot (P&amp;L per 100% spot move, linearly),
/// gamma × spot² / 100 (change in currency delta per 1% move), vega per vol point (0.01), theta per calendar day.
/// </summary>
public readonly record struct CurrencyGreeks(double DeltaCurrency, double GammaCurrencyPerPercent, double VegaPerVolPoint, double ThetaPerDay)
{
    public static CurrencyGreeks operator +(CurrencyGreeks a, CurrencyGreeks b) => new(
        a.DeltaCurrency + b.DeltaCurrency, a.GammaCurrencyPerPercent + b.GammaCurrencyPerPercent,
        a.VegaPerVolPoint + b.VegaPerVolPoint, a.ThetaPerDay + b.ThetaPerDay);
}
