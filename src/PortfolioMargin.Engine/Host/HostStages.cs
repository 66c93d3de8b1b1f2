using System.Numerics;
using System.Runtime.InteropServices;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine.Host;

/// <summary>
/// The four Monte Carlo stages as plain multi-threaded C#: the same formulas as the ILGPU kernels (shared through
/// <see cref="FactorStep"/>, <see cref="PricingTerms"/>, <see cref="CounterNormals"/>), the same summation order,
/// but with loops shaped for a CPU: one instrument or account per task, per-instrument constants hoisted out of
/// the path loop, and SIMD across paths where the arithmetic is a plain multiply-add.
/// </summary>
internal static class HostStages
{
    private const int PathBlock = 512;

    /// <summary>
    /// Factors for paths [firstPath, firstPath + chunk), or for the global paths listed in <paramref name="paths"/>
    /// when given (chunk of them): spot and vol at [(step·n + u)·chunk + p]. The random numbers are keyed by the
    /// global path index, so a listed path comes out exactly as it did in the run.
    /// </summary>
    public static void SimulateFactors(
        double[] spot, double[] vol, MarketSnapshot market, double[] cholesky, RiskConfig config, int firstPath, int chunk, int[]? paths = null)
    {
        var n = market.Underlyings.Count;
        var steps = config.Steps;
        var stepYears = config.HorizonYears / steps;
        var sqrtDt = Math.Sqrt(stepYears);
        var blocks = (chunk + PathBlock - 1) / PathBlock;
        Parallel.For(0, blocks, block =>
        {
            Span<double> raw = stackalloc double[n];
            var end = Math.Min(chunk, (block + 1) * PathBlock);
            for (var p = block * PathBlock; p < end; p++)
            {
                var globalPath = (uint)(paths is null ? firstPath + p : paths[p]);
                for (var step = 0; step < steps; step++)
                {
                    var scale = config.Innovations == Innovations.StudentT
                        ? CounterNormals.StudentTScale(config.Seed, globalPath, (uint)step, config.DegreesOfFreedom)
                        : 1.0;
                    for (var u = 0; u < n; u++)
                    {
                        raw[u] = CounterNormals.Normal(config.Seed, globalPath, (uint)step, CounterNormals.SpotStream, (uint)u);
                    }

                    for (var i = 0; i < n; i++)
                    {
                        var z = 0.0;
                        for (var j = 0; j <= i; j++)
                        {
                            z += cholesky[i * n + j] * raw[j];
                        }

                        z *= scale;
                        var x = market.Underlyings[i];
                        var epsilon = CounterNormals.Normal(config.Seed, globalPath, (uint)step, CounterNormals.VolStream, (uint)i) * scale;
                        var w = FactorStep.VolShock(x.SpotVolCorrelation, z, epsilon);
                        var index = ((long)step * n + i) * chunk + p;
                        var previous = ((long)(step - 1) * n + i) * chunk + p;
                        var s = step == 0 ? x.Spot : spot[previous];
                        var sigma = step == 0 ? x.AtmVol : vol[previous];
                        spot[index] = FactorStep.Spot(s, sigma, stepYears, sqrtDt, z);
                        vol[index] = FactorStep.AtmVol(sigma, x.VolOfVol, stepYears, sqrtDt, w);
                    }
                }
            }
        });
    }

    /// <summary>
    /// Unit P&amp;L of every instrument on every path of a scenario slice: tile[i·paths + p]. ln S is taken once
    /// per underlying and path, not once per option, into <paramref name="logSpot"/> (scratch at least as long as
    /// <paramref name="spot"/>, reused across chunks rather than allocated per call).
    /// </summary>
    public static void RevalueInstruments(
        double[] tile, double[] logSpot, BookLayout layout, PricingTerms[] pricing, int underlyings, ReadOnlyMemory<double> spot, ReadOnlyMemory<double> vol, int paths)
    {
        Parallel.For(0, underlyings, u =>
        {
            var source = spot.Span.Slice(u * paths, paths);
            for (var p = 0; p < paths; p++)
            {
                logSpot[u * paths + p] = Math.Log(source[p]);
            }
        });

        Parallel.For(0, layout.InstrumentCount, i =>
        {
            var u = layout.UnderlyingIndex[i];
            var terms = pricing[i];
            var baseValue = layout.BaseValue[i];
            var spots = spot.Span.Slice(u * paths, paths);
            var logSpots = logSpot.AsSpan(u * paths, paths);
            var vols = vol.Span.Slice(u * paths, paths);
            RevalueRow(terms, baseValue, spots, logSpots, vols, tile.AsSpan(i * paths, paths));
        });
    }

    /// <summary>One instrument's unit P&amp;L on a row of scenarios: row[p] = unit value − value at t = 0.</summary>
    public static void RevalueRow(
        in PricingTerms terms, double baseValue, ReadOnlySpan<double> spots, ReadOnlySpan<double> logSpots, ReadOnlySpan<double> vols, Span<double> row)
    {
        if (terms.Type == (int)InstrumentType.Option && terms.Years > 0.0)
        {
            OptionRows.Revalue(terms, spots, logSpots, vols, baseValue, row);
            return;
        }

        for (var p = 0; p < row.Length; p++)
        {
            row[p] = terms.UnitValue(spots[p], logSpots[p], vols[p]) - baseValue;
        }
    }

    /// <summary>
    /// Account P&amp;L = Σ weight × instrument row, in positions-file order (so each path's sum is the kernel's),
    /// vectorized across paths with the running sum kept in a register: one tile load per entry and path group.
    /// <paramref name="worstMode"/>: a <see cref="WorstLoss"/> mode for the path-worst loss row.
    /// </summary>
    public static void AggregateAccounts(
        double[] accountPnl, double[]? worstLoss, double[] tile, BookLayout layout, int chunk, int rowPaths, int firstPath, int worstMode)
    {
        Parallel.For(0, layout.Accounts.Count, a =>
        {
            var row = accountPnl.AsSpan(a * rowPaths + firstPath, chunk);
            var first = layout.AccountStart[a];
            var last = layout.AccountStart[a + 1];
            ref var tileStart = ref MemoryMarshal.GetArrayDataReference(tile);
            var width = Vector<double>.Count;
            var p = 0;
            for (; p <= chunk - width; p += width)
            {
                var sum = Vector<double>.Zero;
                for (var e = first; e < last; e++)
                {
                    // Separate multiply and add, no fused rounding: the kernel's sum += w * t, lane by lane.
                    var offset = (nuint)((long)layout.EntryInstrument[e] * chunk + p);
                    sum += new Vector<double>(layout.EntryWeight[e]) * Vector.LoadUnsafe(ref tileStart, offset);
                }

                sum.CopyTo(row[p..]);
            }

            for (; p < chunk; p++)
            {
                var sum = 0.0;
                for (var e = first; e < last; e++)
                {
                    sum += layout.EntryWeight[e] * tile[(long)layout.EntryInstrument[e] * chunk + p];
                }

                row[p] = sum;
            }

            if (worstMode != WorstLoss.Leave && worstLoss is not null)
            {
                var worst = worstLoss.AsSpan(a * rowPaths + firstPath, chunk);
                for (var q = 0; q < chunk; q++)
                {
                    worst[q] = worstMode == WorstLoss.Start ? -row[q] : Math.Max(worst[q], -row[q]);
                }
            }
        });
    }

    /// <summary>
    /// Each instrument's lowest and highest unit P&amp;L per spot bucket of its underlying ([instrument·buckets +
    /// bucket], <see cref="SpotBuckets"/>) over a horizon tile's paths, folded into the running extremes.
    /// </summary>
    public static void TrackExtremes(
        double[] tile, ReadOnlySpan<double> horizonSpot, BookLayout layout, double[] logSpot0, double[] scale, int[] bucket, double[] lowest, double[] highest, int paths)
    {
        for (var u = 0; u < logSpot0.Length; u++)
        {
            for (var p = 0; p < paths; p++)
            {
                bucket[u * paths + p] = SpotBuckets.Of(horizonSpot[u * paths + p], logSpot0[u], scale[u]);
            }
        }

        Parallel.For(0, layout.InstrumentCount, i =>
        {
            var row = tile.AsSpan(i * paths, paths);
            var buckets = bucket.AsSpan(layout.UnderlyingIndex[i] * paths, paths);
            var low = lowest.AsSpan(i * SpotBuckets.Count, SpotBuckets.Count);
            var high = highest.AsSpan(i * SpotBuckets.Count, SpotBuckets.Count);
            for (var p = 0; p < paths; p++)
            {
                var b = buckets[p];
                low[b] = Math.Min(low[b], row[p]);
                high[b] = Math.Max(high[b], row[p]);
            }
        });
    }

    /// <summary>Per-account tail of rows [account·paths + p], with one scratch row per worker thread.</summary>
    public static TailRisk[] ReduceTail(double[] rows, int accounts, TailRanks ranks, double confidence, double lossSign)
    {
        var result = new TailRisk[accounts];
        var paths = ranks.PathCount;
        Parallel.For(0, accounts, () => new double[paths], (a, _, scratch) =>
        {
            var source = rows.AsSpan(a * paths, paths);
            for (var p = 0; p < paths; p++)
            {
                scratch[p] = lossSign * source[p];
            }

            result[a] = TailSelection.Reduce(scratch, ranks, confidence);
            return scratch;
        }, _ => { });
        return result;
    }
}
