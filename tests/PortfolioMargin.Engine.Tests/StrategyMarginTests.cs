using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The strategy-based requirement beside portfolio margin, checked against the rule book's formulas worked by
/// hand at the engine's own t = 0 prices (docs/strategy-margin.md), in the Cboe convention: option proceeds are
/// not counted, since portfolio margin too is charged on top of the marked-to-market equity.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class StrategyMarginTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 1_000 };

    private MarginAccount Run(Core.Market.MarketSnapshot market, RiskConfig config, params Position[] positions)
    {
        var result = fixture.Engine().Run(Books.Inputs(market, positions, config));
        return new MarginAccount(result.Accounts.Single(), result.Strategies, result.Positions);
    }

    [Fact]
    public void A_covered_call_charges_half_the_stock_less_the_calls_proceeds_and_says_so_in_its_strategy_row()
    {
        var market = Books.Market(Books.Stock("S", 100.0, 0.25));
        var run = Run(market, Config, Books.Spot("A", "S", 100), Books.Option("A", "S", OptionRight.Call, 110, -1));

        var call = run.Positions[1].UnitValue;
        Assert.Equal(0.5 * 100 * 100.0 - 100 * call, run.Account.StrategyMargin, 6);
        var row = Assert.Single(run.Strategies);
        Assert.Equal(("A", "S", StrategyTypeNames.CoveredCall, 1.0), (row.Account, row.Underlying, row.Strategy, row.Multiplicity));
        Assert.Equal(run.Account.StrategyMargin, row.Requirement, 9);
        Assert.True(row.ProvenOptimal);
    }

    [Theory]
    [InlineData(false, 0.20)]
    [InlineData(true, 0.15)]
    public void A_naked_short_put_is_charged_the_equity_or_the_broad_based_index_rate_as_the_market_file_says(bool broadBased, double rate)
    {
        var market = Books.Market(Books.Stock("X", 100.0, 0.25) with { BroadBased = broadBased });
        var run = Run(market, Config, Books.Option("A", "X", OptionRight.Put, 95, -2));

        // Premium + max(rate × S − OTM, 10% × K) per unit, less the premium received: the Cboe table's convention.
        var expected = Math.Max(rate * 100.0 - (100.0 - 95.0), 0.10 * 95.0) * 100 * 2;
        Assert.Equal(expected, run.Account.StrategyMargin, 6);
        Assert.Equal(run.Account.StrategyMargin - run.Account.Requirement.InitialMargin, run.Account.CapitalSaving);
    }

    [Fact]
    public void Futures_are_charged_the_configured_fraction_of_notional_with_per_underlying_overrides()
    {
        var market = Books.Market(Books.Stock("S", 100.0, 0.25), Books.Stock("T", 50.0, 0.40));
        var config = Config with { FuturesMargin = new FuturesMarginRates(0.10, new Dictionary<string, double> { ["T"] = 0.05 }) };
        var run = Run(market, config, Books.Future("A", "S", 3, 100, Books.Expiry), Books.Future("A", "T", -4, 10, Books.Expiry));

        var (forwardS, forwardT) = (run.Positions[0].UnitValue, run.Positions[1].UnitValue);
        Assert.Equal(0.10 * forwardS * 300 + 0.05 * forwardT * 40, run.Account.StrategyMargin, 6);
    }

    [Fact]
    public void Every_accounts_strategy_rows_add_up_to_its_strategy_margin_and_an_account_with_only_collateral_has_none()
    {
        var inputs = Books.Mixed(Config);
        inputs = inputs with { Collateral = [.. inputs.Collateral, new CollateralHolding("ZZ-CASH-ONLY", "USD", 1_000)] };
        var result = fixture.Engine().Run(inputs);

        foreach (var account in result.Accounts)
        {
            var rows = result.Strategies.Where(r => r.Account == account.Account).Sum(r => r.Requirement);
            Assert.Equal(account.StrategyMargin, rows, 6);
        }

        Assert.Equal(0.0, result.Accounts.Single(a => a.Account == "ZZ-CASH-ONLY").StrategyMargin);
        Assert.Equal(result.Strategies.OrderBy(r => r.Account, StringComparer.Ordinal).Select(r => r.Account), result.Strategies.Select(r => r.Account));
    }

    private sealed record MarginAccount(AccountMargin Account, IReadOnlyList<StrategyRow> Strategies, IReadOnlyList<PositionRisk> Positions);
}
