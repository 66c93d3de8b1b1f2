using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Tests.Input;

/// <summary>The rules a book keeps against its market, which the file reader and the grains both apply.</summary>
public sealed class BookAgainstMarketTests
{
    private static readonly MarketSnapshot Market = new(
        new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.Zero), "USD", 0.04,
        [new Underlying("SPX", 5000, 0.01, 0.2), new Underlying("TSLA", 250, 0, 0.6)],
        MarketSnapshot.Identity(2));

    private static readonly BookAgainstMarket Rules = new(Market);

    [Fact]
    public void A_plausible_book_has_no_problem()
    {
        Assert.Null(Rules.PositionProblem(new Position("A", Instrument.Option("SPX", OptionRight.Put, 4800, new DateOnly(2026, 6, 1)), -2, 100)));
        Assert.Null(Rules.HoldingProblem(new CollateralHolding("A", "USD", 1e6)));
        Assert.Null(Rules.HoldingProblem(new CollateralHolding("A", "TSLA", 100)));
    }

    [Fact]
    public void Each_rule_names_its_field()
    {
        Assert.Equal("underlying", Rules.PositionProblem(new Position("A", Instrument.Spot("NOPE"), 1, 1))?.Field);
        Assert.Equal("quantity", Rules.PositionProblem(new Position("A", Instrument.Spot("SPX"), 1e12, 1))?.Field); // 5e15 of notional
        var expired = Rules.PositionProblem(new Position("A", Instrument.Future("SPX", new DateOnly(2026, 5, 29)), 1, 50));
        Assert.Equal(("expiry", "future expired on 2026-05-29, before the market date 2026-06-01"), expired);
        Assert.Equal("asset", Rules.HoldingProblem(new CollateralHolding("A", "EUR", 1))?.Field);
        Assert.Equal("amount", Rules.HoldingProblem(new CollateralHolding("A", "TSLA", 1e14))?.Field); // 2.5e16 of value
    }
}
