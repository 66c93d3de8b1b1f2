using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// Only the underlyings the book and collateral reference are simulated (<see cref="FactorSet"/>): a snapshot's
/// unused underlyings change no number, on either backend, simulated or given, and cost no factorization.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class UnusedUnderlyingsTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 2_001, Seed = 31337, Steps = 2 };

    [Fact]
    public void Unused_underlyings_change_no_bit_on_the_host_and_on_the_cpu_accelerator()
    {
        foreach (var config in new[] { Config, Config with { Innovations = Innovations.StudentT, Steps = 1 } })
        {
            var inputs = Books.Mixed(config);
            var padded = inputs with { Market = WithUnused(inputs.Market, 3) };
            using var host = new HostBackend();

            var expected = new MarginEngine(host).Run(inputs);
            AssertIdentical(expected, new MarginEngine(host).Run(padded));
            AssertIdentical(expected, new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2, MaxPathsPerChunk = 333 }).Run(padded));
            AssertIdentical(fixture.Engine().Run(inputs), fixture.Engine().Run(padded));
            AssertIdentical(expected, fixture.Engine().Run(padded));
        }
    }

    [Fact]
    public void A_given_scenario_set_over_a_market_with_unused_underlyings_prices_as_the_set_without_them()
    {
        var config = new RiskConfig { Paths = 1_501, Seed = 5 };
        var inputs = Books.Mixed(config);
        var padded = inputs with { Market = WithUnused(inputs.Market, 2) };
        var set = SimulatedScenarios.Of(padded);
        var used = FactorSet.Referenced(padded.Market, padded.Positions, padded.Collateral);
        using var host = new HostBackend();

        // The set over the padded market carries rows for the unused underlyings; the run reads only the book's.
        Assert.Equal(padded.Market.Underlyings.Count, set.Underlyings);
        var simulated = new MarginEngine(host).Run(inputs);
        AssertIdentical(simulated, new MarginEngine(host).Run(padded with { Scenarios = set }));
        AssertIdentical(simulated, new MarginEngine(host).Run(inputs with { Scenarios = FactorSet.Restrict(set, used) }));
        AssertIdentical(simulated, fixture.Engine().Run(padded with { Scenarios = set }));
    }

    [Fact]
    public void The_factorization_is_over_the_referenced_underlyings_only()
    {
        var inputs = Books.Mixed(Config);
        var padded = inputs with { Market = WithUnused(inputs.Market, 10) };
        using var host = new HostBackend();

        Assert.Equal(43, padded.Market.Underlyings.Count);
        Assert.Equal(3, new MarginEngine(host).Run(padded).Work.SimulatedUnderlyings);
        Assert.Equal(3, fixture.Engine().Run(padded).Work.SimulatedUnderlyings);
        Assert.Same(inputs.Market, MarginEngine.RestrictToFactors(inputs).Market);
        Assert.Equal(["AAA", "BBB", "CCC"], MarginEngine.RestrictToFactors(padded).Market.Underlyings.Select(u => u.Id));

        // Collateral posted in an underlying is simulated too (it moves with the market); one that only an account
        // of cash references is not.
        var withCollateral = padded with { Collateral = [.. padded.Collateral, new CollateralHolding("A8", "ZZ15", 10.0)] };
        var restricted = MarginEngine.RestrictToFactors(withCollateral).Market;
        Assert.Equal(["AAA", "ZZ15", "BBB", "CCC"], restricted.Underlyings.Select(u => u.Id));
        Assert.Equal(4, new MarginEngine(host).Run(withCollateral).Work.SimulatedUnderlyings);
    }

    [Fact]
    public void A_part_of_the_book_given_the_whole_runs_factors_prices_its_accounts_as_the_whole_book_does()
    {
        var mixed = Books.Mixed(Config);
        var inputs = mixed with { Market = WithUnused(mixed.Market, 2) };
        var whole = FactorSet.ReferencedIds(inputs.Market, inputs.Positions, inputs.Collateral);
        using var host = new HostBackend();
        var expected = new MarginEngine(host).Run(inputs);

        // A4 holds CCC only: alone, with the run's factors, it draws what it drew in the whole book.
        var part = inputs with { Positions = [.. inputs.Positions.Where(p => p.Account == "A4")], Collateral = [], Factors = whole };
        var alone = Assert.Single(new MarginEngine(host).Run(part).Accounts);
        Assert.Equal(expected.Accounts.Single(a => a.Account == "A4"), alone);
        Assert.Equal(expected.Accounts.Single(a => a.Account == "A4"), Assert.Single(fixture.Engine().Run(part).Accounts));

        // A position in an underlying the run did not hold is simulated after the run's factors: theirs stay as they were.
        var extra = inputs with
        {
            Positions = [.. inputs.Positions.Where(p => p.Account == "A4"), Books.Spot("NEW", "ZZ00", 10)],
            Collateral = [],
            Factors = whole,
        };
        var result = new MarginEngine(host).Run(extra);
        Assert.Equal(4, result.Work.SimulatedUnderlyings);
        Assert.Equal(expected.Accounts.Single(a => a.Account == "A4"), result.Accounts.Single(a => a.Account == "A4"));
    }

    [Fact]
    public void Twenty_thousand_unused_underlyings_leave_a_three_factor_model()
    {
        var inputs = Books.Mixed(new RiskConfig { Paths = 1_000, Seed = 7 });
        var padded = inputs with { Market = WithUnused(inputs.Market, 5_000) };
        using var host = new HostBackend();

        Assert.Equal(20_003, padded.Market.Underlyings.Count);
        var result = new MarginEngine(host).Run(padded);

        Assert.Equal(3, result.Work.SimulatedUnderlyings);
        AssertIdentical(new MarginEngine(host).Run(inputs), result);
    }

    /// <summary>
    /// <paramref name="market"/> with <paramref name="each"/> unused underlyings before, between and after its own
    /// (ids ZZ00…), each correlated with its neighbours, so that a factorization over them would change the draws.
    /// </summary>
    internal static MarketSnapshot WithUnused(MarketSnapshot market, int each)
    {
        var n = market.Underlyings.Count;
        var underlyings = new List<Underlying>();
        var own = new List<int>();
        var extra = 0;
        for (var slot = 0; slot <= n; slot++)
        {
            for (var k = 0; k < each; k++)
            {
                underlyings.Add(new Underlying($"ZZ{extra++:00}", 50.0 + extra % 17, 0.01, 0.3 + 0.001 * (extra % 13), -0.05, 0.01, 0.8, -0.4));
            }

            if (slot < n)
            {
                own.Add(underlyings.Count);
                underlyings.Add(market.Underlyings[slot]);
            }
        }

        var size = underlyings.Count;
        var correlation = MarketSnapshot.Identity(size);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                correlation[own[i], own[j]] = market.Correlation[i, j];
            }
        }

        // Each unused underlying 0.3-correlated with the one after it, when that one is unused too: the matrix stays
        // diagonally dominant, so positive definite, whatever the own block is.
        for (var i = 0; i + 1 < size; i++)
        {
            if (size < 1_000 && !own.Contains(i) && !own.Contains(i + 1))
            {
                correlation[i, i + 1] = 0.3;
                correlation[i + 1, i] = 0.3;
            }
        }

        return market with { Underlyings = underlyings, Correlation = correlation };
    }

    private static void AssertIdentical(MarginRunResult expected, MarginRunResult actual)
    {
        Assert.Equal(expected.Accounts.Count, actual.Accounts.Count);
        for (var i = 0; i < expected.Accounts.Count; i++)
        {
            Assert.Equal(expected.Accounts[i], actual.Accounts[i]);
        }

        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Strategies, actual.Strategies);
    }
}
