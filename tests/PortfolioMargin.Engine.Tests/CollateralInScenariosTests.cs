using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>Collateral in a simulated underlying moves with it on every path and stress point (wrong-way risk), at its haircut value.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class CollateralInScenariosTests(CpuAcceleratorFixture fixture)
{
    private static readonly Core.Market.MarketSnapshot Market = Books.Market(Books.Stock("BTC", 100.0, 0.60));

    private static readonly RiskConfig Config = new() { Paths = 4_000, Haircuts = new Dictionary<string, double> { ["BTC"] = 0.2 } };

    [Fact]
    public void A_short_put_book_needs_more_margin_collateralized_in_its_underlying_than_in_cash_of_equal_haircut_value()
    {
        Position[] shortPuts = [Books.Option("A", "BTC", OptionRight.Put, 90, -10)];
        var inCash = fixture.Engine().Run(Books.Inputs(Market, shortPuts, Config, [new CollateralHolding("A", "USD", 100 * 100.0 * 0.8)])).Accounts.Single();
        var inBtc = fixture.Engine().Run(Books.Inputs(Market, shortPuts, Config, [new CollateralHolding("A", "BTC", 100)])).Accounts.Single();

        // The same equity today, the same positions: only the collateral's own fall in the bad scenarios differs.
        Assert.Equal(inCash.Equity.Total, inBtc.Equity.Total, 9);
        Assert.True(inBtc.Horizon.ExpectedShortfall > inCash.Horizon.ExpectedShortfall + 4 * (inBtc.Horizon.ExpectedShortfallStdError + inCash.Horizon.ExpectedShortfallStdError));
        Assert.True(inBtc.Stress.Loss > inCash.Stress.Loss);
        Assert.True(inBtc.Requirement.InitialMargin > inCash.Requirement.InitialMargin);
    }

    [Fact]
    public void Long_stock_collateral_against_an_equal_short_stock_position_leaves_no_risk()
    {
        // 100 BTC posted at a 20% haircut count as 80 BTC in every scenario: a short of 80 is hedged exactly.
        Position[] shortStock = [Books.Spot("A", "BTC", -80)];
        var hedged = fixture.Engine().Run(Books.Inputs(Market, shortStock, Config, [new CollateralHolding("A", "BTC", 100)])).Accounts.Single();
        var unhedged = fixture.Engine().Run(Books.Inputs(Market, shortStock, Config, [new CollateralHolding("A", "USD", 8_000)])).Accounts.Single();

        Assert.Equal(0.0, hedged.Horizon.ExpectedShortfall, 6);
        Assert.Equal(0.0, hedged.Stress.Loss, 6);
        Assert.True(unhedged.Horizon.ExpectedShortfall > 500, $"unhedged ES {unhedged.Horizon.ExpectedShortfall}"); // about 2.7σ of 8,000 × 0.6 × √(2/365)
    }

    [Fact]
    public void Collateral_in_an_underlying_changes_neither_the_positions_table_nor_the_greeks()
    {
        Position[] book = [Books.Option("A", "BTC", OptionRight.Call, 110, 5)];
        var withCash = fixture.Engine().Run(Books.Inputs(Market, book, Config, [new CollateralHolding("A", "USD", 8_000)]));
        var withBtc = fixture.Engine().Run(Books.Inputs(Market, book, Config, [new CollateralHolding("A", "BTC", 100)]));

        Assert.Equal(withCash.Positions, withBtc.Positions);
        Assert.Equal(withCash.Accounts.Single().Greeks, withBtc.Accounts.Single().Greeks);
    }
}
