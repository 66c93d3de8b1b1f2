using System.Diagnostics;
using System.Globalization;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm intraday --latency N`: after the update, times N recalculations of one account (IAccountGrain.Recompute)
/// and N market moves that touch every underlying (so every holder recomputes), and prints p50 and p99 of each.
/// Moves alternate ±0.1% so the market returns to where it was.
/// </summary>
internal static class IntradayLatency
{
    public static async Task MeasureAsync(IGrainFactory grains, string account, int repeats, TextWriter stdout)
    {
        var single = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await grains.GetGrain<IAccountGrain>(account).Recompute();
            single.Add(clock.Elapsed.TotalMilliseconds);
        }

        var market = grains.GetGrain<IMarketDataGrain>(MarketDataKeys.Current);
        var snapshot = (await market.GetSnapshot())?.Snapshot ?? throw new InvalidOperationException("the cluster has no market snapshot yet");
        var everyAccount = new List<double>(repeats);

        // Update ids are applied once per cluster: this measurement's are its own.
        var session = Guid.NewGuid().ToString("N")[..8];
        var recomputed = 0;
        for (var i = 0; i < repeats; i++)
        {
            var factor = i % 2 == 0 ? 1.001 : 1.0 / 1.001;
            var current = (await market.GetSnapshot())!.Snapshot;
            var moves = current.Underlyings.Select(u => new UnderlyingMove(u.Id, u.Spot * factor, null)).ToArray();
            var clock = Stopwatch.StartNew();
            var outcome = await market.ApplyUpdate(new MarketUpdate($"latency-{session}-{i}", current.AsOf, moves));
            everyAccount.Add(clock.Elapsed.TotalMilliseconds);
            recomputed = outcome.Recomputed.Length;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency, one account ({account}) recomputed {repeats} times: p50 {Percentile(single, 0.50):F1} ms, p99 {Percentile(single, 0.99):F1} ms"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency, move of all {snapshot.Underlyings.Count} underlyings ({recomputed} accounts recomputed) {repeats} times: p50 {Percentile(everyAccount, 0.50):F1} ms, p99 {Percentile(everyAccount, 0.99):F1} ms"));
    }

    /// <summary>The ⌈qN⌉-th smallest sample: the same order-statistic convention as the engine's VaR.</summary>
    private static double Percentile(List<double> samples, double q)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(q * sorted.Length - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
