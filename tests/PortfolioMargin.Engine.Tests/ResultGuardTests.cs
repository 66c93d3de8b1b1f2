using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>The engine's last check: a result that is not a finite number stops the run, naming the account.</summary>
public sealed class ResultGuardTests
{
    private static readonly MarketSnapshot Market = new(
        new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), "USD", 0.04, [new Underlying("SPX", 5000, 0.015, 0.18)], MarketSnapshot.Identity(1));

    private static readonly Position Spot = new("ACC1", Instrument.Of(InstrumentType.Spot, "SPX", null, null, null), 10, 1, SourceLine: 7);

    private static AccountMargin Margin(double initialMargin) => new(
        "ACC1", new TailRisk(1, 2, 0.1), null, new StressOutcome(3, -0.1, 0),
        new MarginRequirement(0, initialMargin, 0.8 * initialMargin, -initialMargin, AccountStatus.Liquidation), new AccountEquity(0, 0), default, 0);

    [Fact]
    public void Finite_results_pass()
    {
        ResultGuard.Check(Market, [Margin(100)], [new PositionRisk(Spot, 5000, 50_000, 10, 0, 0, 0)]);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_margin_that_is_not_finite_names_the_account_and_the_number(double initialMargin)
    {
        var error = Assert.Throws<NonFiniteResultException>(() => ResultGuard.Check(Market, [Margin(initialMargin)], []));

        Assert.Equal("ACC1", error.Account);
        Assert.StartsWith($"account 'ACC1': initialMargin = {initialMargin}: not a finite number", error.Message);
    }

    [Fact]
    public void A_position_value_that_is_not_finite_names_its_line()
    {
        var error = Assert.Throws<NonFiniteResultException>(() =>
            ResultGuard.Check(Market, [Margin(100)], [new PositionRisk(Spot, 5000, double.NegativeInfinity, 10, 0, 0, 0)]));

        Assert.Contains("the position on line 7 (spot on SPX, quantity 10 × multiplier 1 at spot 5000) has marketValue = ", error.Message);
        Assert.Equal("ACC1", error.Account);
    }
}

/// <summary>A run whose smallest unit of work cannot fit the memory budget is refused before anything is allocated.</summary>
public sealed class MemoryBudgetTests
{
    [Fact]
    public void Paths_whose_single_account_rows_exceed_the_budget_are_refused_naming_the_sizes()
    {
        var config = new Core.Risk.RiskConfig { Paths = 100_000_000 };

        var error = Assert.Throws<MemoryBudgetException>(() => BatchPlan.For(10, config, 4, new EngineOptions { MemoryBudgetBytes = 1L << 30 }));

        Assert.Contains("one account's rows at 100,000,000 paths take 1.6 GB", error.Message);
        Assert.Contains("run fewer paths", error.Message);
    }

    [Fact]
    public void Steps_whose_single_path_exceeds_the_chunk_budget_are_refused()
    {
        var plan = BatchPlan.For(10, new Core.Risk.RiskConfig { Paths = 1_000, Steps = 3_000 }, 20_000, new EngineOptions { MemoryBudgetBytes = 1L << 30 });

        var error = Assert.Throws<MemoryBudgetException>(() => plan.PathsPerChunk(100));

        Assert.Contains("use fewer steps", error.Message);
    }

    [Fact]
    public void A_book_that_fits_plans_as_before()
    {
        var plan = BatchPlan.For(10, new Core.Risk.RiskConfig { Paths = 10_000 }, 4, new EngineOptions());

        Assert.Equal(10, plan.AccountsPerBatch);
        Assert.Equal(10_000, plan.PathsPerChunk(100));
    }
}
