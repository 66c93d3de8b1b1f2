namespace PortfolioMargin.Core.Market;

/// <summary>
/// One underlying in the market snapshot. The implied vol for strike K and expiry T is
/// max(0.01, AtmVol + Skew·k + Smile·k²) with k = ln(K/F)/√T (see <see cref="VolSmile"/>).
/// <see cref="BroadBased"/> marks a broad-based index, whose naked short options the strategy-based rules charge
/// at 15% of the underlying instead of 20%: input, because which indices count is the exchange's list, not ours.
/// </summary>
public sealed record Underlying(
    string Id,
    double Spot,
    double DividendYield,
    double AtmVol,
    double Skew = 0,
    double Smile = 0,
    double VolOfVol = 0,
    double SpotVolCorrelation = 0,
    bool BroadBased = false);
