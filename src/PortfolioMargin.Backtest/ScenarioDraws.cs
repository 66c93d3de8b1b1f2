using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Backtest;

/// <summary>
/// The independent draws of a one-step run, keyed (seed, path, step 0, factor) exactly as the engine keys them:
/// each underlying's spot and vol normal per path and the path's Student-t scale (1 for normal innovations).
/// They depend on the seed alone, so a backtest draws them once and every date's scenarios correlate and scale
/// the same numbers (common random numbers: a requirement moves with the market, not with the sample).
/// </summary>
internal sealed class ScenarioDraws
{
    private ScenarioDraws(int paths, double[] spot, double[] vol, double[] scale)
    {
        Paths = paths;
        Spot = spot;
        Vol = vol;
        Scale = scale;
    }

    public int Paths { get; }

    /// <summary>[underlying · Paths + path].</summary>
    public double[] Spot { get; }

    /// <summary>[underlying · Paths + path].</summary>
    public double[] Vol { get; }

    public double[] Scale { get; }

    public static ScenarioDraws For(RiskConfig config, int underlyings, int paths)
    {
        var spot = new double[underlyings * paths];
        var vol = new double[underlyings * paths];
        var scale = new double[paths];
        Parallel.For(0, paths, p =>
        {
            var path = (uint)p;
            scale[p] = config.Innovations == Innovations.StudentT ? CounterNormals.StudentTScale(config.Seed, path, 0, config.DegreesOfFreedom) : 1.0;
            for (var u = 0; u < underlyings; u++)
            {
                spot[u * paths + p] = CounterNormals.Normal(config.Seed, path, 0, CounterNormals.SpotStream, (uint)u);
                vol[u * paths + p] = CounterNormals.Normal(config.Seed, path, 0, CounterNormals.VolStream, (uint)u);
            }
        });

        return new ScenarioDraws(paths, spot, vol, scale);
    }
}
