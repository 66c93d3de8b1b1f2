using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>Equity, minimum charge, Greeks in currency and the status that follows from them.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class RequirementTests(CpuAcceleratorFixture fixture)
{
    private static readonly Core.Market.MarketSnapshot Market = Books.Market(Books.Stock("S", 100.0, 0.25), Books.Stock("T", 50.0, 0.40));

    [Fact]
    public void Equity_is_haircut_collateral_plus_net_liquidation_value_of_spot_and_options_only()
    {
        var config = new RiskConfig { Paths = 1_000, Haircuts = new Dictionary<string, double> { ["T"] = 0.2, ["USD"] = 0.0 } };
        var positions = new[]
        {
            Books.Spot("A", "S", 10),
            Books.Option("A", "S", OptionRight.Call, 110, -2),
            Books.Future("A", "T", 3, 100, Books.Expiry),
        };
        CollateralHolding[] collateral = [new("A", "USD", 5_000), new("A", "T", 100)];

        var account = fixture.Engine().Run(Books.Inputs(Market, positions, config, collateral)).Accounts.Single();

        var call = PositionValuation.Value(Market, [positions[1]]).Single().MarketValue;
        Assert.Equal(5_000 + 100 * 50.0 * 0.8, account.Equity.CollateralValue, 9);
        Assert.Equal(10 * 100.0 + call, account.Equity.NetLiquidationValue, 9);
        Assert.Equal(account.Equity.CollateralValue + account.Equity.NetLiquidationValue, account.Equity.Total, 9);
        Assert.Equal(0.375 * 2 * 100, account.Requirement.MinimumCharge);
        Assert.Equal(Math.Max(Math.Max(account.Horizon.ExpectedShortfall, account.Stress.Loss), account.Requirement.MinimumCharge), account.Requirement.InitialMargin);
        Assert.Equal(0.8 * account.Requirement.InitialMargin, account.Requirement.MaintenanceMargin, 9);
        Assert.Equal(account.Equity.Total - account.Requirement.InitialMargin, account.Requirement.Excess, 9);
    }

    [Theory]
    [InlineData(1.5, AccountStatus.Healthy)]
    [InlineData(0.9, AccountStatus.MarginCall)]
    [InlineData(0.5, AccountStatus.Liquidation)]
    public void Status_follows_equity_against_the_requirement(double coverage, AccountStatus expected)
    {
        var config = new RiskConfig { Paths = 2_000 };
        Position[] positions = [Books.Option("A", "S", OptionRight.Put, 100, -10)];
        var requirement = fixture.Engine().Run(Books.Inputs(Market, positions, config)).Accounts.Single();
        // Short put: equity without collateral is −premium, so top up to the chosen coverage of IM.
        var cash = coverage * requirement.Requirement.InitialMargin - requirement.Equity.NetLiquidationValue;

        var account = fixture.Engine().Run(Books.Inputs(Market, positions, config, [new CollateralHolding("A", "USD", cash)])).Accounts.Single();

        Assert.Equal(expected, account.Status);
    }

    [Fact]
    public void Account_greeks_are_in_currency_and_add_across_underlyings()
    {
        Position[] positions = [Books.Option("A", "S", OptionRight.Call, 100, 3), Books.Spot("A", "T", -40)];

        var result = fixture.Engine().Run(Books.Inputs(Market, positions, new RiskConfig { Paths = 1_000 }));
        var account = result.Accounts.Single();

        var years = (Books.Expiry.DayNumber - Market.AsOfDate.DayNumber) / 365.0;
        var greeks = InstrumentPricer.UnitGreeks(2, 1.0, 100, years, 100, 0.25, 0, 0, Market.Rate, 0);
        Assert.Equal(greeks.Delta * 300 * 100 + (-40) * 50.0, account.Greeks.DeltaCurrency, 6);
        Assert.Equal(greeks.Gamma * 300 * 100 * 100 / 100, account.Greeks.GammaCurrencyPerPercent, 6);
        Assert.Equal(greeks.Vega * 0.01 * 300, account.Greeks.VegaPerVolPoint, 6);
        Assert.Equal(greeks.ThetaPerYear / 365 * 300, account.Greeks.ThetaPerDay, 6);
        Assert.Equal(greeks.Delta * 300, result.Positions[0].DeltaUnderlyingUnits, 9);
    }
}
