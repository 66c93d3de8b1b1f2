using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine;

/// <summary>
/// The deterministic stress grid as a scenario set: every (relative price move, relative ATM-vol move) pair
/// applied to all underlyings at once, revalued instantly (no time decay), one "path" per grid point, so it runs
/// through the same revaluation and aggregation as the Monte Carlo paths on every backend.
/// </summary>
public sealed class StressScenarios
{
    private StressScenarios(IReadOnlyList<(double PriceMove, double VolMove)> points, double[] spot, double[] atmVol)
    {
        Points = points;
        Spot = spot;
        AtmVol = atmVol;
    }

    /// <summary>Grid points in price-major order; ties keep the first, so the reported move is deterministic.</summary>
    public IReadOnlyList<(double PriceMove, double VolMove)> Points { get; }

    /// <summary>Shocked spots, [underlying·Count + point].</summary>
    public double[] Spot { get; }

    /// <summary>Shocked ATM vols, [underlying·Count + point].</summary>
    public double[] AtmVol { get; }

    public int Count => Points.Count;

    /// <summary>
    /// Every account's P&amp;L at every grid point, [account·Count + point], as <see cref="Worst"/> last saw it; kept
    /// only for a grid built with <c>keepAccountPnl</c> (a report draws the whole grid; margin needs its worst point).
    /// </summary>
    public double[]? AccountPnl { get; private set; }

    private bool KeepAccountPnl { get; init; }

    public static StressScenarios Build(MarketSnapshot market, RiskConfig config, bool keepAccountPnl = false)
    {
        var points = config.PriceMoves.SelectMany(m => config.VolMoves.Select(v => (m, v))).ToList();
        var n = market.Underlyings.Count;
        var spot = new double[n * points.Count];
        var vol = new double[n * points.Count];
        for (var u = 0; u < n; u++)
        {
            for (var s = 0; s < points.Count; s++)
            {
                spot[u * points.Count + s] = market.Underlyings[u].Spot * (1.0 + points[s].Item1);
                vol[u * points.Count + s] = market.Underlyings[u].AtmVol * (1.0 + points[s].Item2);
            }
        }

        return new StressScenarios(points, spot, vol) { KeepAccountPnl = keepAccountPnl };
    }

    /// <summary>Per account, the largest loss over the grid from account P&amp;L rows [account·Count + point].</summary>
    public StressOutcome[] Worst(ReadOnlySpan<double> accountPnl, int accounts)
    {
        if (KeepAccountPnl)
        {
            AccountPnl = accountPnl[..(accounts * Count)].ToArray();
        }

        var result = new StressOutcome[accounts];
        for (var a = 0; a < accounts; a++)
        {
            var worst = new StressOutcome(double.NegativeInfinity, 0.0, 0.0);
            for (var s = 0; s < Count; s++)
            {
                var loss = -accountPnl[a * Count + s];
                if (loss > worst.Loss)
                {
                    worst = new StressOutcome(loss, Points[s].PriceMove, Points[s].VolMove);
                }
            }

            result[a] = worst;
        }

        return result;
    }
}
