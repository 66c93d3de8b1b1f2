using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Backtest;

/// <summary>
/// Each model's scenario set for one date, handed to the engine's given-scenarios mode. The simulated models use
/// the engine's factor step (<see cref="FactorStep"/>) and its random numbers, keyed (seed, path, step 0, factor)
/// as a one-step run draws them, over the horizon's business-day time; they differ only in the spot vols that
/// drive it. FHS takes the past window's days instead.
/// </summary>
internal static class ModelScenarios
{
    private const int PathBlock = 512;

    /// <summary>
    /// The engine's one-step lognormal spot and ATM-vol dynamics from the snapshot: spot vol
    /// <paramref name="spotVol"/>[u] (annualised) and correlation <paramref name="correlation"/>, ATM vol from
    /// the snapshot's level with its vol-of-vol and spot-vol correlation, over <paramref name="years"/>.
    /// </summary>
    public static ScenarioSet Simulated(MarketSnapshot market, ReadOnlySpan<double> spotVol, double[,] correlation, ScenarioDraws draws, double years)
    {
        var n = market.Underlyings.Count;
        var paths = draws.Paths;
        var cholesky = CorrelationFactor.CholeskyRowMajor(correlation);
        var vols = spotVol.ToArray();
        var spot = new double[n * paths];
        var vol = new double[n * paths];
        var sqrtYears = Math.Sqrt(years);
        var blocks = (paths + PathBlock - 1) / PathBlock;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(paths, (block + 1) * PathBlock);
            for (var i = 0; i < n; i++)
            {
                var x = market.Underlyings[i];
                for (var p = block * PathBlock; p < end; p++)
                {
                    var z = 0.0;
                    for (var j = 0; j <= i; j++)
                    {
                        z += cholesky[i * n + j] * draws.Spot[j * paths + p];
                    }

                    z *= draws.Scale[p];
                    var epsilon = draws.Vol[i * paths + p] * draws.Scale[p];
                    spot[i * paths + p] = FactorStep.Spot(x.Spot, vols[i], years, sqrtYears, z);
                    vol[i * paths + p] = FactorStep.AtmVol(x.AtmVol, x.VolOfVol, years, sqrtYears, FactorStep.VolShock(x.SpotVolCorrelation, z, epsilon));
                }
            }
        });

        return new ScenarioSet(paths, spot, vol);
    }

    /// <summary>
    /// Filtered historical scenarios: every run of <paramref name="horizonRows"/> consecutive days of the window's
    /// filtered log changes (<see cref="FilteredHistoricalSimulation"/>, spot and ATM vol alike), summed and applied
    /// to today's levels. Overlapping runs, as the h-day scenarios of Prisma's and SPAN 2's filtered windows are.
    /// </summary>
    public static ScenarioSet Filtered(MarketSnapshot market, double[,] spotChanges, double[,] volChanges, int horizonRows)
    {
        var n = market.Underlyings.Count;
        var count = spotChanges.GetLength(0) - horizonRows + 1;
        var spot = new double[n * count];
        var vol = new double[n * count];
        for (var u = 0; u < n; u++)
        {
            var x = market.Underlyings[u];
            for (var s = 0; s < count; s++)
            {
                var dSpot = 0.0;
                var dVol = 0.0;
                for (var k = 0; k < horizonRows; k++)
                {
                    dSpot += spotChanges[s + k, u];
                    dVol += volChanges[s + k, u];
                }

                spot[u * count + s] = x.Spot * Math.Exp(dSpot);
                vol[u * count + s] = Math.Min(PlausibilityCap, x.AtmVol * Math.Exp(dVol));
            }
        }

        return new ScenarioSet(count, spot, vol);
    }

    // A filtered vol change scaled by a calm day's tiny EWMA vol can explode; the market file's bound caps it.
    private const double PlausibilityCap = Core.Input.PlausibilityBounds.MaxVol;
}
