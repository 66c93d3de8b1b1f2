using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>What a backtest asks of the engine: each account's loss distribution kept, the attribution skipped.</summary>
public sealed class LossQuantilesTests
{
    private static readonly RiskConfig Config = new() { Paths = 10_000, Seed = 5 };

    [Fact]
    public void Order_statistics_of_a_known_sample_land_on_their_ranks()
    {
        // Losses 1 … 1000: the body point i is L_(⌈(i + ½)/256 · 0.99 · 1000⌉), the tail point i L_(⌈990 + (i + ½)/256 · 10⌉).
        var sorted = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        var q = LossQuantiles.FromSorted(sorted, 0.99);

        Assert.Equal(Math.Ceiling(0.5 / 256 * 990), q.Body[0]);
        Assert.Equal(Math.Ceiling(255.5 / 256 * 990), q.Body[255]);
        Assert.Equal(991.0, q.Tail[0]);
        Assert.Equal(1000.0, q.Tail[255]);
        Assert.Equal(q.Tail[0], q.At(0.99));
        Assert.Equal(q.Body[0], q.At(0.0));
        Assert.Equal(1000.0, q.At(0.999999));
    }

    [Fact]
    public void The_kept_tail_averages_to_the_accounts_expected_shortfall()
    {
        using var host = new HostBackend();
        var result = new MarginEngine(host, new EngineOptions { LossQuantiles = true }).Run(Books.Mixed(Config));

        Assert.NotNull(result.LossQuantiles);
        foreach (var account in result.Accounts.Where(a => a.Horizon.ExpectedShortfall > 0))
        {
            var q = result.LossQuantiles[account.Account];
            // 100 tail paths on 256 equal-probability points: each path is 2 or 3 points, so the mean is the ES
            // up to the weighting of 2 vs 3 copies, a small part of the tail's spread.
            var spread = q.Tail[^1] - q.Tail[0];
            Assert.InRange(q.Tail.Average(), account.Horizon.ExpectedShortfall - 0.02 * spread, account.Horizon.ExpectedShortfall + 0.02 * spread);
            Assert.True(q.Tail[0] >= account.Horizon.ValueAtRisk);
            Assert.True(q.Body[^1] <= account.Horizon.ValueAtRisk);
        }
    }

    [Fact]
    public void Without_attribution_the_margins_are_the_same_and_no_position_is_attributed()
    {
        using var host = new HostBackend();
        var full = new MarginEngine(host).Run(Books.Mixed(Config));
        var lean = new MarginEngine(host, new EngineOptions { Attribution = false }).Run(Books.Mixed(Config));

        Assert.Equal(full.Accounts, lean.Accounts);
        Assert.All(lean.Positions, p => Assert.Null(p.Attribution));
        Assert.Equal(0, lean.Work.AttributionRevaluations);
        Assert.True(full.Work.AttributionRevaluations > 0);
    }
}
