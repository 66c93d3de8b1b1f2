using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The roll rule of docs/backtesting.md, on hand-picked dates and spots.</summary>
public class RollingBookTests
{
    private static readonly DateOnly Entry = new(2021, 1, 4);

    [Fact]
    public void Third_fridays_are_the_listed_expiries()
    {
        Assert.Equal(new DateOnly(2021, 1, 15), RollingBook.ThirdFriday(2021, 1));
        Assert.Equal(new DateOnly(2021, 2, 19), RollingBook.ThirdFriday(2021, 2));
        Assert.Equal(new DateOnly(2021, 10, 15), RollingBook.ThirdFriday(2021, 10)); // October 1st is a Friday
    }

    [Fact]
    public void An_expired_option_rolls_to_the_same_tenor_and_moneyness()
    {
        // Entered 2021-01-04 with 46 days to 2021-02-19, struck at 620 / 592.4 of spot.
        var put = new Position("P", Instrument.Option("SPY", OptionRight.Put, 620, new DateOnly(2021, 2, 19)), -1, 100);
        var book = new RollingBook([put], Entry, _ => 592.4, roll: true);

        var before = book.On(new DateOnly(2021, 2, 18), _ => 600.0);
        Assert.Equal(put, Assert.Single(before));
        Assert.Equal(0, book.Rolls);

        // On its expiry date it rolls: 2021-02-19 + 46 days = 2021-04-06, nearest third Friday 2021-04-16; the strike
        // keeps the entry moneyness at the day's spot, to the cent; quantity and multiplier are unchanged.
        var rolled = Assert.Single(book.On(new DateOnly(2021, 2, 19), _ => 650.0));
        Assert.Equal(new DateOnly(2021, 4, 16), rolled.Expiry);
        Assert.Equal(Math.Round(620 / 592.4 * 650.0, 2), rolled.Strike);
        Assert.Equal((OptionRight.Put, -1.0, 100.0, "P"), (rolled.Right!.Value, rolled.Quantity, rolled.Multiplier, rolled.Account));
        Assert.Equal(1, book.Rolls);

        // It stays rolled until the new expiry passes.
        Assert.Equal(rolled, Assert.Single(book.On(new DateOnly(2021, 3, 1), _ => 700.0)));
        Assert.Equal(1, book.Rolls);
    }

    [Fact]
    public void A_date_past_a_holiday_expiry_still_rolls_and_futures_keep_no_strike()
    {
        var future = new Position("F", Instrument.Future("JPM", new DateOnly(2021, 3, 19)), -10, 100);
        var book = new RollingBook([future], Entry, _ => 150.0, roll: true);

        // The first date on or after the expiry: a Monday after it.
        var rolled = Assert.Single(book.On(new DateOnly(2021, 3, 22), _ => 160.0));
        Assert.Null(rolled.Strike);
        Assert.Equal(InstrumentType.Future, rolled.Type);
        Assert.True(rolled.Expiry > new DateOnly(2021, 3, 29), "at least a week out");
        Assert.Equal(DayOfWeek.Friday, rolled.Expiry!.Value.DayOfWeek);
    }

    [Fact]
    public void Without_roll_an_expired_contract_leaves_the_book_and_spot_stays()
    {
        var stock = new Position("S", Instrument.Spot("SPY"), 100, 1);
        var call = new Position("S", Instrument.Option("SPY", OptionRight.Call, 620, new DateOnly(2021, 2, 19)), -1, 100);
        var book = new RollingBook([stock, call], Entry, _ => 592.4, roll: false);

        Assert.Equal(2, book.On(new DateOnly(2021, 2, 18), _ => 600.0).Count);
        Assert.Equal(stock, Assert.Single(book.On(new DateOnly(2021, 2, 19), _ => 600.0)));
        Assert.Equal(stock, Assert.Single(book.On(new DateOnly(2021, 6, 1), _ => 600.0)));
        Assert.Equal(0, book.Rolls);
    }

    [Fact]
    public void A_short_tenor_rolls_at_least_a_week_out()
    {
        // Entered two days before expiry: a 2-day tenor rolls to the third Friday nearest a week out, not the same week.
        var option = new Position("W", Instrument.Option("SPY", OptionRight.Call, 600, new DateOnly(2021, 1, 15)), 1, 100);
        var book = new RollingBook([option], new DateOnly(2021, 1, 13), _ => 600.0, roll: true);
        var rolled = Assert.Single(book.On(new DateOnly(2021, 1, 15), _ => 600.0));
        Assert.True(rolled.Expiry >= new DateOnly(2021, 1, 22));
        Assert.Equal(new DateOnly(2021, 2, 19), rolled.Expiry);
    }
}
