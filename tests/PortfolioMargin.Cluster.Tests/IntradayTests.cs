using PortfolioMargin.Core.Margin;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IntradayTests(ClusterFixture fixture)
{
    // In the sample book at 2,000 paths, ACC0076 is healthy and a 10% fall in TSLA puts it into a margin call.
    private const string Account = "ACC0076";
    private const string Underlying = "TSLA";
    private const double SpotFall = 0.10;

    [Fact]
    public async Task A_spot_fall_recomputes_only_its_holders_and_logs_the_margin_call_they_cause()
    {
        var market = fixture.Grains.GetGrain<IMarketDataGrain>(MarketDataKeys.Current);
        var sampleScenario = new MarketState($"run:{ClusterFixture.BaseRun}", 0, fixture.Inputs.Market, fixture.Inputs.Config, "end-of-day:base");
        await market.Publish(sampleScenario);
        await fixture.Grains.GetGrain<IAccountGrain>(Account).Recompute();
        var holdings = SampleBook.Holdings(fixture.Inputs);
        var before = await RecomputationsAsync(holdings.Keys);
        Assert.Equal(AccountStatus.Healthy, (await fixture.Grains.GetGrain<IAccountGrain>(Account).GetMargin()).Status);

        var spot = fixture.Inputs.Market.Underlyings.Single(u => u.Id == Underlying).Spot * (1 - SpotFall);
        var update = new MarketUpdate("tsla-fall", DateTimeOffset.UtcNow, [new UnderlyingMove(Underlying, spot, null)]);
        var outcome = await market.ApplyUpdate(update);

        var holders = holdings.Where(h => h.Value.Contains(Underlying)).Select(h => h.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(holders, outcome.Recomputed);
        var after = await RecomputationsAsync(holdings.Keys);
        foreach (var account in holdings.Keys)
        {
            Assert.Equal(before[account] + (holders.Contains(account) ? 1 : 0), after[account]);
        }

        var margin = await fixture.Grains.GetGrain<IAccountGrain>(Account).GetMargin();
        Assert.Contains(margin.Status, new[] { AccountStatus.MarginCall, AccountStatus.Liquidation });
        var change = Assert.Single(outcome.StatusChanges, c => c.Account == Account);
        Assert.Equal(("healthy", margin.Status.ToWire(), "market-update:tsla-fall"), (change.OldStatus, change.NewStatus, change.Trigger));

        var moved = fixture.Inputs with
        {
            Market = fixture.Inputs.Market with
            {
                Underlyings = [.. fixture.Inputs.Market.Underlyings.Select(u => u.Id == Underlying ? u with { Spot = spot } : u)],
            },
        };
        Assert.Equal(TestAccelerator.Shared.Run(moved, 0).Result.Accounts.Single(a => a.Account == Account), margin);

        var events = await ParquetColumns.ReadTextAsync(outcome.EventsFile, "account", "old_status", "new_status", "trigger");
        var row = Array.LastIndexOf(events["account"], Account);
        Assert.True(row >= 0, "the margin call is in events.parquet");
        Assert.Equal(("healthy", margin.Status.ToWire(), "market-update:tsla-fall"), (events["old_status"][row], events["new_status"][row], events["trigger"][row]));
    }

    private async Task<Dictionary<string, int>> RecomputationsAsync(IEnumerable<string> accounts)
    {
        var views = await Task.WhenAll(accounts.Select(a => fixture.Grains.GetGrain<IAccountGrain>(a).GetAccount()));
        return views.ToDictionary(v => v.Account, v => v.Recomputations, StringComparer.Ordinal);
    }
}
