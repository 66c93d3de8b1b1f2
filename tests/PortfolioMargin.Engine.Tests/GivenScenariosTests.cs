using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// A given scenario set is priced by the same revaluation, aggregation, tail and attribution code as simulated
/// paths: the horizon factors a simulated run drew, given back as scenarios, reproduce that run bit for bit.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class GivenScenariosTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 2_003, Seed = 99 };

    [Fact]
    public void The_simulated_runs_own_horizon_factors_given_as_scenarios_reproduce_it_bit_for_bit()
    {
        var inputs = Books.Mixed(Config);
        var factors = HorizonFactors.Simulate(inputs.Market, Config);
        var given = inputs with { Scenarios = new ScenarioSet(Config.Paths, factors.Spot, factors.Vol) };
        using var host = new HostBackend();

        var simulatedHost = new MarginEngine(host).Run(inputs);
        AssertIdentical(simulatedHost, new MarginEngine(host).Run(given));
        AssertIdentical(simulatedHost, new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2, MaxPathsPerChunk = 301 }).Run(given));
        AssertIdentical(fixture.Engine().Run(inputs), fixture.Engine().Run(given));
    }

    [Fact]
    public void A_stock_books_loss_is_its_hand_computed_loss_on_the_worst_given_scenarios()
    {
        // 300 scenarios of one stock at 100: spot 100 − s/10 on scenario s (down to 70.1). At 99% the tail is the
        // 3 worst, s = 297…299; 50 shares lose 50 × (29.9 + 29.8 + 29.7)/3 on average there, and the VaR is the
        // loss of rank ⌈0.99 · 300⌉ = 297 in ascending order, the 4th largest: 50 × 29.6 (docs/model.md's order statistic).
        var market = Books.Market(Books.Stock("XYZ", 100.0));
        var config = new RiskConfig { Paths = 300 };
        var spot = Enumerable.Range(0, 300).Select(s => 100.0 - s / 10.0).ToArray();
        var vol = Enumerable.Repeat(0.2, 300).ToArray();
        var inputs = Books.Inputs(market, [Books.Spot("ACC", "XYZ", 50)], config) with { Scenarios = new ScenarioSet(300, spot, vol) };
        using var host = new HostBackend();

        var account = Assert.Single(new MarginEngine(host).Run(inputs).Accounts);

        Assert.Equal(50 * (29.9 + 29.8 + 29.7) / 3, account.Horizon.ExpectedShortfall, 1e-9);
        Assert.Equal(50 * 29.6, account.Horizon.ValueAtRisk, 1e-9);
    }

    [Fact]
    public void A_set_that_does_not_fit_the_config_is_refused()
    {
        var inputs = Books.Mixed(Config);
        var n = inputs.Market.Underlyings.Count;
        var set = new ScenarioSet(500, new double[n * 500], new double[n * 500]);
        using var host = new HostBackend();

        Assert.Throws<ArgumentException>(() => new MarginEngine(host).Run(inputs with { Scenarios = set }));
        Assert.Throws<ArgumentException>(() => new MarginEngine(host).Run(inputs with { Config = Config with { Paths = 500, Steps = 2 }, Scenarios = set }));
    }

    [Fact]
    public void A_non_positive_level_is_named()
    {
        var market = Books.Mixed(Config).Market;
        var n = market.Underlyings.Count;
        var spot = Enumerable.Repeat(100.0, n * 3).ToArray();
        var vol = Enumerable.Repeat(0.2, n * 3).ToArray();
        spot[n > 1 ? 3 + 2 : 2] = double.NaN;

        Assert.Contains("spot", new ScenarioSet(3, spot, vol).FirstProblem(market));
        Assert.Null(new ScenarioSet(3, Enumerable.Repeat(100.0, n * 3).ToArray(), vol).FirstProblem(market));
    }

    private static void AssertIdentical(MarginRunResult expected, MarginRunResult actual)
    {
        Assert.Equal(expected.Accounts, actual.Accounts);
        Assert.Equal(expected.Positions, actual.Positions);
    }
}
