namespace PortfolioMargin.Core.Market;

/// <summary>
/// One underlying in the market snapshot. The implied vol for strike K and expiry T is
/// max(0.01, AtmVol + Skew·k + Smile·k²) with k = ln(K/F)/√T (see <see cref="VolSmile"/>).
/// </summary>
public sealed record Underlying(
    string Id,
    double Spot,
    double DividendYield,
    double AtmVol,
    double Skew = 0,
    double Smile = 0,
    double VolOfVol = 0,
    double SpotVolCorrelation = 0);
