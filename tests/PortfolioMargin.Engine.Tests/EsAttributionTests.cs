using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// Per-position attribution against independent truth: Euler contributions add up to the ES, stress contributions
/// to the stress loss, and each incremental ES equals the ES the engine computes for the account run again without
/// that position, on the same paths (same seed, same market, so the same factor paths).
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class EsAttributionTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 4_000, Seed = 99, Steps = 2, HorizonDays = 3 };

    public static TheoryData<string> Backends => ["host", "cpu"];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Contributions_add_up_to_the_es_and_the_stress_loss(string backend)
    {
        var inputs = Books.Mixed(Config);
        var result = Run(backend, inputs);

        foreach (var account in result.Accounts.Where(a => result.Positions.Any(p => p.Position.Account == a.Account)))
        {
            var shares = result.Positions.Where(p => p.Position.Account == account.Account).Select(p => p.Attribution!.Value).ToList();
            AssertClose(account.Horizon.ExpectedShortfall, shares.Sum(s => s.EsContribution), account.Account + " ES");
            AssertClose(account.Stress.Loss, shares.Sum(s => s.StressContribution), account.Account + " stress");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Incremental_es_is_the_es_of_the_account_run_without_the_position(string backend)
    {
        var inputs = Books.Mixed(Config);
        var result = Run(backend, inputs);
        var factors = Core.Market.FactorSet.ReferencedIds(inputs.Market, inputs.Positions, inputs.Collateral);

        for (var i = 0; i < inputs.Positions.Count; i++)
        {
            var position = inputs.Positions[i];
            var rest = inputs.Positions.Where((_, k) => k != i && inputs.Positions[k].Account == position.Account).ToList();
            // The run's factor set: the account alone, without the position, draws the paths the book drew.
            var withoutEs = rest.Count == 0
                ? 0.0
                : Run(backend, inputs with { Positions = rest, Collateral = [], Factors = factors }).Accounts.Single().Horizon.ExpectedShortfall;
            var es = result.Accounts.Single(a => a.Account == position.Account).Horizon.ExpectedShortfall;

            AssertClose(es - withoutEs, result.Positions[i].Attribution!.Value.IncrementalEs, $"line {i}: {position.Instrument}");
        }
    }

    [Fact]
    public void A_protective_put_has_negative_incremental_es_and_a_lone_position_carries_all_of_it()
    {
        var market = Books.Market(Books.Stock("AAA"));
        var inputs = Books.Inputs(market, [
            Books.Spot("HEDGED", "AAA", 1_000), Books.Option("HEDGED", "AAA", OptionRight.Put, 95, 10),
            Books.Option("ALONE", "AAA", OptionRight.Call, 100, -5),
        ], Config);
        var result = Run("host", inputs);

        var put = result.Positions[1].Attribution!.Value;
        var stock = result.Positions[0].Attribution!.Value;
        Assert.True(put.IncrementalEs < 0.0, $"removing the put raises ES: incremental {put.IncrementalEs}");
        Assert.True(put.EsContribution < 0.0 && stock.EsContribution > 0.0, $"put {put.EsContribution}, stock {stock.EsContribution}");

        var alone = result.Accounts.Single(a => a.Account == "ALONE");
        var share = result.Positions[2].Attribution!.Value;
        Assert.Equal(alone.Horizon.ExpectedShortfall, share.IncrementalEs, 1e-9 * alone.Horizon.ExpectedShortfall);
        Assert.Equal(alone.Horizon.ExpectedShortfall, share.EsContribution, 1e-9 * alone.Horizon.ExpectedShortfall);
    }

    [Fact]
    public void A_perfect_hedge_has_zero_es_and_opposite_contributions()
    {
        var market = Books.Market(Books.Stock("AAA"));
        var inputs = Books.Inputs(market, [Books.Spot("FLAT", "AAA", 700), Books.Spot("FLAT", "AAA", -700)], Config);
        var result = Run("host", inputs);

        Assert.Equal(0.0, result.Accounts[0].Horizon.ExpectedShortfall);
        var (longShare, shortShare) = (result.Positions[0].Attribution!.Value, result.Positions[1].Attribution!.Value);
        Assert.Equal(-longShare.EsContribution, shortShare.EsContribution);
        Assert.Equal(-longShare.StressContribution, shortShare.StressContribution);

        // Either leg alone is a naked 700 shares: its removal leaves the other's whole ES.
        var naked = Run("host", inputs with { Positions = [inputs.Positions[0]] }).Accounts[0].Horizon.ExpectedShortfall;
        Assert.True(naked > 0.0);
        AssertClose(-naked, shortShare.IncrementalEs, "short leg");
    }

    [Fact]
    public void Attribution_work_is_counted_and_does_not_depend_on_the_batching()
    {
        var inputs = Books.Mixed(Config);
        var whole = Run("host", inputs);
        using var host = new HostBackend();
        var split = new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2, MaxPathsPerChunk = 700 }).Run(inputs);

        // Every position is revalued on its account's tail at least, and on far fewer paths than all of them.
        var tail = TailRanks.For(Config.Paths, Config.Confidence).TailCount;
        var positions = inputs.Positions.Count;
        Assert.InRange(whole.Work.AttributionRevaluations, (long)positions * tail, (long)positions * Config.Paths / 2);
        Assert.Equal(whole.Work.AttributionRevaluations, split.Work.AttributionRevaluations);
        Assert.True(split.AccountBatches > 1);
    }

    [Fact]
    public void Every_position_of_a_run_is_attributed()
    {
        var result = Run("host", Books.Mixed(Config));

        Assert.All(result.Positions, p => Assert.NotNull(p.Attribution));
    }

    private MarginRunResult Run(string backend, MarginInputs inputs)
    {
        if (backend == "cpu")
        {
            return fixture.Engine().Run(inputs);
        }

        using var host = new HostBackend();
        return new MarginEngine(host).Run(inputs);
    }

    /// <summary>Equal up to rounding: 1e-9 of the larger magnitude (or absolutely, near zero).</summary>
    private static void AssertClose(double expected, double actual, string what)
    {
        var scale = Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
