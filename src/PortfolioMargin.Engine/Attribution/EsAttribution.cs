using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// Per position (each entry of a batch's layout): the Euler contribution to the account's horizon ES, its loss at the
/// account's worst stress point, and the incremental ES of removing it, from the account's resident P&amp;L row and a
/// host revaluation of the position on the few paths that can matter (docs/model.md §12).
/// <para>
/// Incremental ES needs the T = ⌈(1−α)N⌉ largest losses of the account without position j, B = L − Lⱼ, without
/// revaluing j on every path. Any set of paths on which B is known bounds B's T-th largest from below by the T-th
/// largest there, θ̂ (at first βⱼ, the smallest B over the account's own tail). A path can raise B's tail only if
/// B &gt; θ̂, that is if its account loss L &gt; θ̂ + Lⱼ ≥ θ̂ + mⱼ(b), where mⱼ(b) is the position's smallest loss over
/// the paths in the path's spot bucket b (<see cref="SpotBuckets"/>; the backend tracks each instrument's extremes
/// per bucket in the main pass, at no extra revaluation). So the candidates past the tail are grouped by bucket,
/// each group read largest loss first until its bound stops it; the paths read are revalued, which raises θ̂. The
/// result is exact, not an estimate: every path left unread could not have entered B's tail.
/// </para>
/// </summary>
internal static class EsAttribution
{
    /// <summary>Paths revalued together beyond the tail: enough for the vector loops, few enough for θ̂ to rise often.</summary>
    private const int Block = 32;

    public static PositionAttribution[] Compute(
        IBatchStages stages, MarketSnapshot market, RiskConfig config, BookLayout layout, TailRanks ranks,
        IReadOnlyList<TailRisk> horizon, IReadOnlyList<StressOutcome> stress, AttributionWork work, Core.Scenarios.ScenarioSet? given = null,
        Action? accountDone = null, CancellationToken cancellation = default)
    {
        var result = new PositionAttribution[layout.EntryInstrument.Length];
        if (result.Length == 0)
        {
            return result;
        }

        var factors = given is null ? HorizonFactors.Simulate(market, config) : HorizonFactors.Given(market, config, given);
        var (lowest, highest) = stages.InstrumentExtremes();

        // The horizon date exactly as the batch priced it: the last sub-step's steps · (horizon / steps).
        var horizonTerms = layout.PricingAt(market, config.Steps * (config.HorizonYears / config.Steps));
        var stressTerms = layout.PricingAt(market, 0.0);
        var context = new Context(layout, factors, horizonTerms, lowest, highest, ranks.TailCount);
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, layout.Accounts.Count, parallel, () => new Scratch(config.Paths, ranks.TailCount), (a, _, scratch) =>
        {
            if (layout.AccountStart[a + 1] == layout.AccountStart[a])
            {
                return scratch;
            }

            // One account's row at a time, never a copy of the batch's rows; a device's copies are serialized.
            lock (stages)
            {
                stages.ReadHorizonRow(a, scratch.Row);
            }

            Account(context, a, horizon[a].ExpectedShortfall, scratch, result);
            Stress(market, layout, stressTerms, a, stress[a], result);
            accountDone?.Invoke();
            return scratch;
        }, scratch => work.Add(scratch.Revaluations));
        return result;
    }

    private static void Account(Context context, int account, double expectedShortfall, Scratch scratch, PositionAttribution[] result)
    {
        var layout = context.Layout;
        var tailCount = context.TailCount;
        var first = layout.AccountStart[account];
        var entries = layout.AccountStart[account + 1] - first;
        scratch.Account++;
        scratch.TailFactors.Clear();
        var loss = scratch.Loss;
        for (var p = 0; p < loss.Length; p++)
        {
            loss[p] = -scratch.Row[p];
        }

        // The tail: the T largest losses, ties to the lower path index, largest first.
        var candidates = scratch.Candidates;
        candidates.Reset(loss, TailThreshold(loss, scratch.Select, tailCount));
        var tail = scratch.Tail;
        var tailLoss = scratch.TailLoss;
        for (var k = 0; k < tailCount; k++)
        {
            (tailLoss[k], tail[k]) = candidates[k];
        }

        // Euler contributions; each position's losses on the tail and its bucket bounds, kept for its incremental ES.
        var tailValues = scratch.TailValues(entries * tailCount);
        var bounds = scratch.Bounds(entries * SpotBuckets.Count);
        scratch.EnsureBeta(entries);
        for (var j = 0; j < entries; j++)
        {
            var e = first + j;
            var values = tailValues.AsSpan(j * tailCount, tailCount);
            var (spot, logSpot, vol) = scratch.TailFactors.Of(layout.UnderlyingIndex[layout.EntryInstrument[e]], context.Factors, tail);
            Revalue(context, e, spot.Span, logSpot.Span, vol.Span, values, scratch);
            var sum = 0.0;
            var beta = double.PositiveInfinity;
            for (var k = tailCount - 1; k >= 0; k--)
            {
                // Ascending order of account loss, as the engine sums its ES.
                sum += values[k];
                beta = Math.Min(beta, tailLoss[k] - values[k]);
            }

            result[e] = new PositionAttribution(sum / tailCount, 0.0, 0.0);
            SmallestLosses(context, e, bounds.AsSpan(j * SpotBuckets.Count, SpotBuckets.Count));
            scratch.Beta[j] = beta;
        }

        Candidates(context, account, loss, tailLoss[tailCount - 1], bounds, scratch);
        for (var j = 0; j < entries; j++)
        {
            var e = first + j;
            var own = tailValues.AsSpan(j * tailCount, tailCount);
            var without = scratch.Without.AsSpan(0, tailCount);
            for (var k = 0; k < tailCount; k++)
            {
                without[k] = tailLoss[k] - own[k];
            }

            scratch.StartWithout(without, scratch.Beta[j]);
            var incremental = Beyond(context, e, bounds.AsSpan(j * SpotBuckets.Count, SpotBuckets.Count), scratch);
            result[e] = result[e] with { IncrementalEs = expectedShortfall - incremental };
        }
    }

    /// <summary>
    /// The paths any removal can bring into the tail, in the tail's order (the tail, every path with a loss of at least
    /// the T-th largest, comes first): a path is a candidate when its loss reaches βⱼ + mⱼ(b) for some position j, b
    /// being the spot bucket of j's underlying on that path. Per underlying of the account, the smallest such bound
    /// per bucket is taken first, so a path costs one lookup per underlying, not one per position.
    /// </summary>
    private static void Candidates(Context context, int account, double[] loss, double tailThreshold, double[] bounds, Scratch scratch)
    {
        var layout = context.Layout;
        var first = layout.AccountStart[account];
        var entries = layout.AccountStart[account + 1] - first;
        var underlyings = scratch.Underlyings;
        underlyings.Clear();
        var lowest = scratch.BucketFloor(entries * SpotBuckets.Count);
        for (var j = 0; j < entries; j++)
        {
            var u = layout.UnderlyingIndex[layout.EntryInstrument[first + j]];
            var slot = underlyings.IndexOf(u);
            if (slot < 0)
            {
                slot = underlyings.Count;
                underlyings.Add(u);
                lowest.AsSpan(slot * SpotBuckets.Count, SpotBuckets.Count).Fill(double.PositiveInfinity);
            }

            var beta = scratch.Beta[j];
            for (var b = 0; b < SpotBuckets.Count; b++)
            {
                var bound = bounds[j * SpotBuckets.Count + b];
                ref var floor = ref lowest[slot * SpotBuckets.Count + b];
                floor = Math.Min(floor, Lowered(beta, bound));
            }
        }

        // Most paths lie below every bound: one comparison against the lowest rejects them.
        var floorOfAll = Math.Min(tailThreshold, Min(lowest.AsSpan(0, underlyings.Count * SpotBuckets.Count)));
        var candidates = scratch.Candidates;
        candidates.Clear();
        var paths = context.Factors.Paths;
        var buckets = context.Factors.Bucket;
        for (var p = 0; p < loss.Length; p++)
        {
            if (loss[p] < floorOfAll)
            {
                continue;
            }

            var reach = tailThreshold;
            for (var slot = 0; slot < underlyings.Count; slot++)
            {
                reach = Math.Min(reach, lowest[slot * SpotBuckets.Count + buckets[(long)underlyings[slot] * paths + p]]);
            }

            if (loss[p] >= reach)
            {
                candidates.Add(loss[p], p);
            }
        }

        candidates.Sort();
    }

    /// <summary>
    /// Reads the candidates past the tail bucket by bucket, largest loss first, down to the position's bound there,
    /// revalues the position on those read, and returns the ES of the account without it.
    /// </summary>
    private static double Beyond(Context context, int entry, ReadOnlySpan<double> bounds, Scratch scratch)
    {
        if (scratch.Candidates.Count == context.TailCount)
        {
            return scratch.MeanWithout();
        }

        var underlying = context.Layout.UnderlyingIndex[context.Layout.EntryInstrument[entry]];
        var buckets = context.Factors.Bucket.AsSpan((int)((long)underlying * context.Factors.Paths), context.Factors.Paths);
        var groups = scratch.GroupsFor(underlying, scratch.Candidates.From(context.TailCount), buckets);
        var count = 0;
        for (var b = 0; b < SpotBuckets.Count; b++)
        {
            foreach (var (loss, path) in groups.Group(b))
            {
                // θ̂ rises as revalued paths come in, so the bound is taken afresh for every path.
                if (loss < Lowered(scratch.Threshold, bounds[b]))
                {
                    break;
                }

                scratch.Pending[count] = path;
                scratch.PendingLoss[count++] = loss;
                if (count == Block)
                {
                    Flush(context, entry, count, scratch);
                    count = 0;
                }
            }
        }

        Flush(context, entry, count, scratch);
        return scratch.MeanWithout();

        static void Flush(Context context, int entry, int count, Scratch scratch)
        {
            if (count == 0)
            {
                return;
            }

            var values = scratch.PendingValues.AsSpan(0, count);
            PositionLosses(context, entry, scratch.Pending.AsSpan(0, count), values, scratch);
            var top = scratch.Heap();
            for (var k = 0; k < count; k++)
            {
                top.Offer(scratch.PendingLoss[k] - values[k]);
            }
        }
    }

    /// <summary>
    /// θ + m lowered by a relative 1e-9 of its parts, so that rounding (or a device's last bit) never cuts off a path
    /// lying on the bound.
    /// </summary>
    private static double Lowered(double threshold, double smallestLoss) =>
        threshold + smallestLoss - 1e-9 * (Math.Abs(threshold) + Math.Abs(smallestLoss));

    /// <summary>The position's loss at the account's worst stress point: the stress grid's revaluation, one point.</summary>
    private static void Stress(MarketSnapshot market, BookLayout layout, PricingTerms[] terms, int account, StressOutcome worst, PositionAttribution[] result)
    {
        if (!double.IsFinite(worst.Loss))
        {
            return;
        }

        for (var e = layout.AccountStart[account]; e < layout.AccountStart[account + 1]; e++)
        {
            var i = layout.EntryInstrument[e];
            var u = market.Underlyings[layout.UnderlyingIndex[i]];
            var spot = u.Spot * (1.0 + worst.PriceMoveRelative);
            var vol = u.AtmVol * (1.0 + worst.VolMoveRelative);
            var unitPnl = terms[i].UnitValue(spot, Math.Log(spot), vol) - layout.BaseValue[i];
            result[e] = result[e] with { StressContribution = -(layout.EntryWeight[e] * unitPnl) };
        }
    }

    /// <summary>
    /// The position's smallest loss per spot bucket, −w × its instrument's highest unit P&amp;L there (lowest if short),
    /// taken over the bucket and its two neighbours, so that a path a device put one bucket over is still bounded. A
    /// bucket no path fell in bounds nothing (+∞). Returns the smallest over all buckets.
    /// </summary>
    private static double SmallestLosses(Context context, int entry, Span<double> into)
    {
        var i = context.Layout.EntryInstrument[entry];
        var weight = context.Layout.EntryWeight[entry];
        Span<double> own = stackalloc double[SpotBuckets.Count];
        for (var b = 0; b < own.Length; b++)
        {
            var high = context.Highest[i * SpotBuckets.Count + b];
            var low = context.Lowest[i * SpotBuckets.Count + b];
            own[b] = high < low ? double.PositiveInfinity : weight == 0.0 ? 0.0 : -(weight >= 0.0 ? weight * high : weight * low);
        }

        for (var b = 0; b < own.Length; b++)
        {
            var left = b > 0 ? own[b - 1] : double.PositiveInfinity;
            var right = b + 1 < own.Length ? own[b + 1] : double.PositiveInfinity;
            into[b] = Math.Min(own[b], Math.Min(left, right));
        }

        return Min(into);
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
        }

        return min;
    }

    /// <summary>The T-th largest loss.</summary>
    private static double TailThreshold(double[] loss, double[] select, int tailCount)
    {
        loss.CopyTo(select, 0);
        var start = loss.Length - tailCount;
        TailSelection.Select(select, start);
        return select[start];
    }

    /// <summary>The position's loss −w × unit P&amp;L on the listed paths, revalued as the host backend does.</summary>
    private static void PositionLosses(Context context, int entry, ReadOnlySpan<int> paths, Span<double> into, Scratch scratch)
    {
        var spot = scratch.Spot.AsSpan(0, paths.Length);
        var logSpot = scratch.LogSpot.AsSpan(0, paths.Length);
        var vol = scratch.Vol.AsSpan(0, paths.Length);
        context.Factors.Gather(context.Layout.UnderlyingIndex[context.Layout.EntryInstrument[entry]], paths, spot, logSpot, vol);

        Revalue(context, entry, spot, logSpot, vol, into, scratch);
    }

    /// <summary>The position's loss −w × unit P&amp;L on gathered scenarios.</summary>
    private static void Revalue(
        Context context, int entry, ReadOnlySpan<double> spot, ReadOnlySpan<double> logSpot, ReadOnlySpan<double> vol, Span<double> into, Scratch scratch)
    {
        var layout = context.Layout;
        var i = layout.EntryInstrument[entry];
        HostStages.RevalueRow(context.HorizonTerms[i], layout.BaseValue[i], spot, logSpot, vol, into);
        var weight = layout.EntryWeight[entry];
        for (var k = 0; k < into.Length; k++)
        {
            into[k] = -(weight * into[k]);
        }

        scratch.Revaluations += into.Length;
    }

    private sealed record Context(
        BookLayout Layout, HorizonFactors Factors, PricingTerms[] HorizonTerms, double[] Lowest, double[] Highest, int TailCount);

    /// <summary>One worker's buffers, reused from account to account.</summary>
    private sealed class Scratch(int paths, int tailCount)
    {
        private readonly int _paths = paths;
        private readonly List<BucketGroups> _groups = [];
        private double[] _tailValues = [];
        private double[] _bounds = [];
        private double[] _floor = [];
        private readonly LargestLosses _top = new(tailCount);
        private int _withoutCount;
        private bool _heaped;
        private double _beta;

        public long Revaluations { get; set; }

        public double[] Row { get; } = new double[paths];

        public double[] Loss { get; } = new double[paths];

        public double[] Select { get; } = new double[paths];

        public CandidatePaths Candidates { get; } = new(paths);

        /// <summary>θ̂: the T-th largest loss without the position so far; βⱼ until a path past the tail came in.</summary>
        public double Threshold => _heaped ? _top.Threshold : _beta;

        /// <summary>Starts a position's tail without it from its losses on the account's tail (their smallest is βⱼ).</summary>
        public void StartWithout(ReadOnlySpan<double> without, double beta)
        {
            _withoutCount = without.Length;
            _heaped = false;
            _beta = beta;
        }

        /// <summary>The heap of the T largest, built from the tail's values only once a path past the tail comes in.</summary>
        public LargestLosses Heap()
        {
            if (!_heaped)
            {
                _top.Fill(Without.AsSpan(0, _withoutCount));
                _heaped = true;
            }

            return _top;
        }

        /// <summary>ES of the account without the position: the mean of the T largest (the tail's values alone when no path came in).</summary>
        public double MeanWithout()
        {
            if (_heaped)
            {
                return _top.Mean();
            }

            var sum = 0.0;
            foreach (var loss in Without.AsSpan(0, _withoutCount))
            {
                sum += loss;
            }

            return sum / _withoutCount;
        }

        public int[] Pending { get; } = new int[Block];

        public double[] PendingLoss { get; } = new double[Block];

        public double[] PendingValues { get; } = new double[Block];

        public double[] Spot { get; } = new double[Block];

        public double[] LogSpot { get; } = new double[Block];

        public double[] Vol { get; } = new double[Block];

        /// <summary>The account's tail paths, largest loss first, and the losses on them.</summary>
        public int[] Tail { get; } = new int[tailCount];

        public double[] TailLoss { get; } = new double[tailCount];

        public double[] Without { get; } = new double[tailCount];

        public GatheredFactors TailFactors { get; } = new(tailCount);

        /// <summary>Each position's losses on the tail paths, [position·T + k].</summary>
        public double[] TailValues(int length) => _tailValues.Length >= length ? _tailValues : _tailValues = new double[length];

        /// <summary>Each position's smallest loss per spot bucket, [position·buckets + bucket].</summary>
        public double[] Bounds(int length) => _bounds.Length >= length ? _bounds : _bounds = new double[length];

        /// <summary>Per underlying of the account, the smallest bound βⱼ + mⱼ(b) over its positions, [slot·buckets + bucket].</summary>
        public double[] BucketFloor(int length) => _floor.Length >= length ? _floor : _floor = new double[length];

        /// <summary>Each position's βⱼ: the smallest loss of the account without it over the account's tail.</summary>
        public double[] Beta { get; private set; } = [];

        public List<int> Underlyings { get; } = [];

        /// <summary>A running stamp of the account being attributed, so grouped candidates are never reused across accounts.</summary>
        public long Account { get; set; }

        /// <summary>The account's deep candidates grouped by the buckets of an underlying, built once per account and underlying.</summary>
        public BucketGroups GroupsFor(int underlying, ReadOnlySpan<PathLoss> candidates, ReadOnlySpan<int> bucketOfPath)
        {
            foreach (var built in _groups)
            {
                if (built.Key == (underlying, Account))
                {
                    return built;
                }
            }

            var groups = _groups.FirstOrDefault(g => g.Key.Account != Account);
            if (groups is null)
            {
                groups = new BucketGroups(_paths);
                _groups.Add(groups);
            }

            groups.Build(underlying, Account, candidates, bucketOfPath);
            return groups;
        }

        public void EnsureBeta(int length)
        {
            if (Beta.Length < length)
            {
                Beta = new double[length];
            }
        }
    }
}

/// <summary>Position-path revaluations the attribution took, summed over its workers (a work count, tested).</summary>
internal sealed class AttributionWork
{
    private long _revaluations;

    public long Revaluations => Interlocked.Read(ref _revaluations);

    public void Add(long revaluations) => Interlocked.Add(ref _revaluations, revaluations);
}
