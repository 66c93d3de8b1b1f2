using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>Conservation laws and orderings that any correct margin model must respect.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class PortfolioPropertyTests(CpuAcceleratorFixture fixture)
{
    [Fact]
    public void Correlated_long_short_pair_needs_far_less_than_the_sum_of_standalone_es()
    {
        var market = Books.Correlated(0.9, Books.Stock("A"), Books.Stock("B"));
        var config = new RiskConfig { Paths = 50_000, Seed = 5 };
        var inputs = Books.Inputs(market,
        [
            Books.Spot("PAIR", "A", 100), Books.Spot("PAIR", "B", -100),
            Books.Spot("LONG_A", "A", 100), Books.Spot("SHORT_B", "B", -100),
        ], config);

        var accounts = fixture.Engine().Run(inputs).Accounts.ToDictionary(a => a.Account);

        var standalone = accounts["LONG_A"].Horizon.ExpectedShortfall + accounts["SHORT_B"].Horizon.ExpectedShortfall;
        // Equal vols and ρ = 0.9: the spread's vol is √(2 − 2ρ) = 0.447 of one leg, i.e. 0.22 of the sum.
        Assert.True(accounts["PAIR"].Horizon.ExpectedShortfall < 0.3 * standalone,
            $"pair ES {accounts["PAIR"].Horizon.ExpectedShortfall} vs standalone sum {standalone}");
    }

    [Fact]
    public void Perfectly_hedged_book_has_zero_expected_shortfall_and_requires_only_its_minimum()
    {
        // Zero carry (r = q) makes the future worth exactly the spot on every path.
        var underlying = new Core.Market.Underlying("H", 100.0, 0.03, 0.3, VolOfVol: 1.0, SpotVolCorrelation: -0.5);
        var market = Books.Market(underlying);
        var inputs = Books.Inputs(market, [Books.Spot("HEDGED", "H", 1000), Books.Future("HEDGED", "H", -10, 100, Books.Expiry)],
            new RiskConfig { Paths = 20_000 });

        var account = fixture.Engine().Run(inputs).Accounts.Single();

        Assert.Equal(0.0, account.Horizon.ExpectedShortfall, 9);
        Assert.Equal(0.0, account.Horizon.ValueAtRisk, 9);
        Assert.Equal(0.0, account.Stress.Loss, 9);
        Assert.Equal(account.Requirement.MinimumCharge, account.Requirement.InitialMargin);
    }

    [Fact]
    public void Short_straddle_es_exceeds_long_straddle_es_and_es_is_at_least_var()
    {
        var result = fixture.Engine().Run(Books.Mixed(new RiskConfig { Paths = 20_000 }));
        var accounts = result.Accounts.ToDictionary(a => a.Account);

        Assert.True(accounts["A1"].Horizon.ExpectedShortfall > accounts["A2"].Horizon.ExpectedShortfall + 4 * accounts["A1"].Horizon.ExpectedShortfallStdError);
        Assert.All(result.Accounts, a => Assert.True(a.Horizon.ExpectedShortfall >= a.Horizon.ValueAtRisk, a.Account));
    }

    [Fact]
    public void Es_rises_with_confidence_and_with_horizon()
    {
        var config = new RiskConfig { Paths = 20_000, Seed = 99 };
        double Es(RiskConfig c) => fixture.Engine().Run(Books.Mixed(c)).Accounts.Single(a => a.Account == "A1").Horizon.ExpectedShortfall;

        var byConfidence = new[] { 0.95, 0.975, 0.99, 0.995 }.Select(c => Es(config with { Confidence = c })).ToArray();
        var byHorizon = new[] { 1, 2, 5, 10 }.Select(d => Es(config with { HorizonDays = d })).ToArray();

        Assert.True(byConfidence.Zip(byConfidence.Skip(1)).All(p => p.Second > p.First), string.Join(", ", byConfidence));
        Assert.True(byHorizon.Zip(byHorizon.Skip(1)).All(p => p.Second > p.First), string.Join(", ", byHorizon));
    }

    [Fact]
    public void Worst_point_along_sub_steps_is_at_least_the_horizon_loss()
    {
        var config = new RiskConfig { Paths = 10_000, Steps = 4, HorizonDays = 5 };
        var result = fixture.Engine().Run(Books.Mixed(config));

        Assert.All(result.Accounts, a =>
        {
            Assert.NotNull(a.WorstPoint?.ExpectedShortfall);
            Assert.True(a.WorstPoint?.ExpectedShortfall >= a.Horizon.ExpectedShortfall - 1e-9, a.Account);
        });
    }

    [Fact]
    public void Option_expiring_inside_the_horizon_settles_at_intrinsic()
    {
        // Expires tomorrow, horizon 2 days: on every path the option is worth max(K − S_h, 0).
        var market = Books.Market(Books.Stock("S"));
        var tomorrow = new DateOnly(2026, 11, 21);
        var config = new RiskConfig { Paths = 5_000 };
        var inputs = Books.Inputs(market, [Books.Option("P", "S", OptionRight.Put, 100, 1, tomorrow)], config);
        var reference = HostReference.Tails(inputs)["P"];

        var account = fixture.Engine().Run(inputs).Accounts.Single();

        Assert.Equal(reference.ExpectedShortfall, account.Horizon.ExpectedShortfall);
        // Loss is bounded by the premium paid: a long option can lose no more than its value.
        var premium = PositionValuation.Value(market, inputs.Positions).Single().MarketValue;
        Assert.True(account.Horizon.ExpectedShortfall <= premium + 1e-9);
    }
}
