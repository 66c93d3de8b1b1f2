using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// Spot and ATM vol of every underlying at the horizon date on every path of the run, regenerated on the host.
/// The random numbers are counter-based, keyed by (seed, path, step, factor), so the paths come out exactly as the
/// run's backend drew them (bit for bit on the CPU backends) without the backend keeping its factor buffers.
/// </summary>
internal sealed class HorizonFactors
{
    private const int ChunkPaths = 4096;

    private HorizonFactors(int paths, double[] spot, double[] logSpot, double[] vol, int[] bucket)
    {
        Paths = paths;
        Spot = spot;
        LogSpot = logSpot;
        Vol = vol;
        Bucket = bucket;
    }

    public int Paths { get; }

    /// <summary>[underlying·Paths + path].</summary>
    public double[] Spot { get; }

    /// <summary>ln of <see cref="Spot"/>, as the revaluation takes it.</summary>
    public double[] LogSpot { get; }

    /// <summary>[underlying·Paths + path].</summary>
    public double[] Vol { get; }

    /// <summary>The <see cref="SpotBuckets"/> bucket of each horizon spot, [underlying·Paths + path].</summary>
    public int[] Bucket { get; }

    /// <summary>Spot, ln spot and vol of <paramref name="underlying"/> on the listed paths, contiguous.</summary>
    public void Gather(int underlying, ReadOnlySpan<int> paths, Span<double> spot, Span<double> logSpot, Span<double> vol)
    {
        var source = (long)underlying * Paths;
        for (var k = 0; k < paths.Length; k++)
        {
            spot[k] = Spot[source + paths[k]];
            logSpot[k] = LogSpot[source + paths[k]];
            vol[k] = Vol[source + paths[k]];
        }
    }

    public static HorizonFactors Simulate(MarketSnapshot market, RiskConfig config)
    {
        var n = market.Underlyings.Count;
        var steps = config.Steps;
        var paths = config.Paths;
        var cholesky = CorrelationFactor.CholeskyRowMajor(market.Correlation);
        var chunkPaths = Math.Min(ChunkPaths, paths);
        var spot = new double[(long)steps * n * chunkPaths];
        var vol = new double[(long)steps * n * chunkPaths];
        var horizonSpot = new double[(long)n * paths];
        var horizonVol = new double[(long)n * paths];
        for (var first = 0; first < paths; first += chunkPaths)
        {
            var chunk = Math.Min(chunkPaths, paths - first);
            HostStages.SimulateFactors(spot, vol, market, cholesky, config, first, chunk);
            var last = (long)(steps - 1) * n * chunk;
            for (var u = 0; u < n; u++)
            {
                Array.Copy(spot, last + (long)u * chunk, horizonSpot, (long)u * paths + first, chunk);
                Array.Copy(vol, last + (long)u * chunk, horizonVol, (long)u * paths + first, chunk);
            }
        }

        return FromHorizon(market, config, horizonSpot, horizonVol);
    }

    /// <summary>A given scenario set's levels, which are the horizon factors as they stand.</summary>
    public static HorizonFactors Given(MarketSnapshot market, RiskConfig config, ScenarioSet given) =>
        FromHorizon(market, config, given.Spot, given.AtmVol);

    private static HorizonFactors FromHorizon(MarketSnapshot market, RiskConfig config, double[] horizonSpot, double[] horizonVol)
    {
        var n = market.Underlyings.Count;
        var paths = config.Paths;
        var logSpot0 = SpotBuckets.LogSpot(market);
        var scale = SpotBuckets.Scale(market, config);
        var bucket = new int[horizonSpot.Length];
        var logSpot = new double[horizonSpot.Length];
        Parallel.For(0, n, u =>
        {
            for (var p = 0; p < paths; p++)
            {
                var at = (long)u * paths + p;
                bucket[at] = SpotBuckets.Of(horizonSpot[at], logSpot0[u], scale[u]);
                logSpot[at] = Math.Log(horizonSpot[at]);
            }
        });

        return new HorizonFactors(paths, horizonSpot, logSpot, horizonVol, bucket);
    }
}
