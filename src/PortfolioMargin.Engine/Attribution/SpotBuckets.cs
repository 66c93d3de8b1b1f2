using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// Horizon paths binned by their underlying's log return, a quarter of a standard deviation (σ_ATM √H at t = 0) a
/// bucket, the outermost buckets open-ended. The backend tracks every instrument's lowest and highest unit P&amp;L per
/// bucket of its underlying: a position's loss on a path is then bounded by its extremes in that path's bucket, far
/// tighter than over all paths, which is what keeps the incremental ES's candidate paths few (<see cref="EsAttribution"/>).
/// </summary>
public static class SpotBuckets
{
    public const int Count = 64;

    private const double PerStandardDeviation = 4.0;

    /// <summary>ln S₀ per underlying.</summary>
    public static double[] LogSpot(MarketSnapshot market) => [.. market.Underlyings.Select(u => Math.Log(u.Spot))];

    /// <summary>Buckets per unit of log return per underlying: 4 / (σ_ATM √H).</summary>
    public static double[] Scale(MarketSnapshot market, RiskConfig config) =>
        [.. market.Underlyings.Select(u => PerStandardDeviation / (u.AtmVol * Math.Sqrt(config.HorizonYears)))];

    /// <summary>The bucket of a horizon spot; a NaN lands in bucket 0 (the run's guard rejects it later).</summary>
    public static int Of(double spot, double logSpot0, double scale)
    {
        var x = (Math.Log(spot) - logSpot0) * scale + Count / 2;
        return !(x >= 0.0) ? 0 : x >= Count - 1 ? Count - 1 : (int)x;
    }
}
