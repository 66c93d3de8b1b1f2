namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// An underlying of a generated history: its starting spot and how its vol compares to the regime's
/// (VolScale 1.3 = 30% more volatile than the regime's LongRunAnnualVol in every regime).
/// </summary>
public sealed record GeneratedUnderlying(string Id, double InitialSpot, double VolScale);
