using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// A run's book cut into shards of contiguous accounts (ordinal order, about equal position counts), one per silo,
/// and the shards' results put back together in the engine's order: accounts ordinal, positions in file order.
/// A shard's result does not depend on the other accounts (paths are keyed by seed, path, step and factor, over the
/// whole run's factor set; sums run in each account's own position order), so the split changes the work, never a number.
/// </summary>
internal sealed class RunShards
{
    private readonly int[][]? _positionIndex;

    private RunShards(ShardJob[] jobs, int[][]? positionIndex, int positionCount)
    {
        Jobs = jobs;
        _positionIndex = positionIndex;
        PositionCount = positionCount;
    }

    public IReadOnlyList<ShardJob> Jobs { get; }

    public int PositionCount { get; }

    public static RunShards Plan(MarginRunRequest request, int silos)
    {
        // Every shard simulates the whole run's factors, not only its own accounts' underlyings.
        var factors = FactorSet.ReferencedIds(request.Market, request.Positions, request.Collateral);
        ShardJob Job(int k, int n, Position[] positions, CollateralHolding[] collateral) =>
            new(request.RunId, k, n, request.Market, request.Config, positions, collateral, request.Scenarios, factors, request.Report);

        // One silo: the book goes whole, without a copy or a pass over it.
        if (silos <= 1)
        {
            return new RunShards([Job(0, 1, request.Positions, request.Collateral)], null, request.Positions.Length);
        }

        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in request.Positions)
        {
            weight[p.Account] = weight.GetValueOrDefault(p.Account) + 1;
        }

        foreach (var c in request.Collateral)
        {
            weight.TryAdd(c.Account, 0);
        }

        var accounts = weight.Keys.Order(StringComparer.Ordinal).ToArray();
        var shards = Math.Clamp(silos, 1, Math.Max(1, accounts.Length));
        var shardOf = new Dictionary<string, int>(accounts.Length, StringComparer.Ordinal);
        var total = Math.Max(1L, request.Positions.Length);
        long running = 0;
        for (var i = 0; i < accounts.Length; i++)
        {
            // Cut where the running position count crosses each k/N of the book, never leaving a shard empty.
            var k = (int)Math.Min(shards - 1, running * shards / total);
            k = Math.Max(k, Math.Min(shards - 1, shards - (accounts.Length - i)));
            shardOf[accounts[i]] = k;
            running += weight[accounts[i]];
        }

        // An account heavier than a whole share can skip a shard number: renumber the shards that hold accounts.
        var used = shardOf.Values.Distinct().Order().Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        shards = used.Count;
        foreach (var account in accounts)
        {
            shardOf[account] = used[shardOf[account]];
        }

        var positions = Enumerable.Range(0, shards).Select(_ => new List<Position>()).ToArray();
        var index = Enumerable.Range(0, shards).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < request.Positions.Length; i++)
        {
            var k = shardOf[request.Positions[i].Account];
            positions[k].Add(request.Positions[i]);
            index[k].Add(i);
        }

        var collateral = Enumerable.Range(0, shards).Select(_ => new List<CollateralHolding>()).ToArray();
        foreach (var c in request.Collateral)
        {
            collateral[shardOf[c.Account]].Add(c);
        }

        var jobs = Enumerable.Range(0, shards).Select(k => Job(k, shards, [.. positions[k]], [.. collateral[k]])).ToArray();
        return new RunShards(jobs, [.. index.Select(i => i.ToArray())], request.Positions.Length);
    }

    /// <summary>The key of the grain that prices shard <paramref name="shard"/> of <paramref name="shards"/> of a run.</summary>
    public static string GrainKey(string runId, int shard, int shards) => $"{runId}#{shard}/{shards}";

    /// <summary>The shards' accounts, given in shard order: ordinal order, as one run's.</summary>
    public static AccountMargin[] MergeAccounts(IReadOnlyList<ShardResult> results) => results.SelectMany(r => r.Accounts).ToArray();

    /// <summary>The shards' strategies, given in shard order: account order, as a direct run lists them.</summary>
    public static Core.Strategy.StrategyRow[] MergeStrategies(IReadOnlyList<ShardResult> results) => results.SelectMany(r => r.Strategies).ToArray();

    /// <summary>
    /// The detail (loss histogram, stress grid) of the accounts the run's report shows, chosen over the whole book
    /// from the shards' own choices (exact: <see cref="Reporting.Margin.ReportAccounts.Detailed"/>); null when the
    /// run writes no report.
    /// </summary>
    public static IReadOnlyList<Core.Runs.AccountDetail>? MergeDetails(IReadOnlyList<ShardResult> results, IReadOnlyList<AccountMargin> accounts)
    {
        if (results.Any(r => r.Details is null))
        {
            return null;
        }

        var details = results.SelectMany(r => r.Details!).ToDictionary(d => d.Account, StringComparer.Ordinal);
        return Reporting.Margin.ReportAccounts.Detailed(accounts, details);
    }

    /// <summary>The shards' position risks, given in shard order, in the book's file order.</summary>
    public PositionRisk[] MergePositions(IReadOnlyList<PositionRisk[]> shards)
    {
        if (_positionIndex is null)
        {
            return shards[0];
        }

        var positions = new PositionRisk[PositionCount];
        for (var k = 0; k < shards.Count; k++)
        {
            var index = _positionIndex[k];
            var shard = shards[k];
            if (shard.Length != index.Length)
            {
                throw new InvalidOperationException($"shard {k} returned {shard.Length} positions for {index.Length}");
            }

            for (var i = 0; i < index.Length; i++)
            {
                positions[index[i]] = shard[i];
            }
        }

        return positions;
    }
}
