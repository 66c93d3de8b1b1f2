using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// A book held constant over a history. Each dated contract keeps what it was when the book was entered on the
/// history's first date: its tenor (expiry − entry date, calendar days) and, for an option, its moneyness
/// (strike / entry spot). On the first date on or after its expiry a contract is rolled: replaced by the same
/// quantity of the contract listed at the monthly expiry (third Friday) nearest to date + tenor, at least a week
/// out, struck at moneyness × that date's spot (to the cent). So a one-month short straddle stays a one-month
/// short straddle through five years, which is what a backtest of its margin should measure. With roll off an
/// expired contract simply leaves the book (after settling at intrinsic over the horizon it expired in).
/// </summary>
public sealed class RollingBook
{
    private readonly Held[] _held;
    private readonly bool _roll;

    /// <param name="entrySpot">Each underlying's spot on <paramref name="entryDate"/>.</param>
    public RollingBook(IReadOnlyList<Position> positions, DateOnly entryDate, Func<string, double> entrySpot, bool roll)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(entrySpot);
        _roll = roll;
        _held = [.. positions.Select(p => new Held(
            p,
            p.Expiry is { } expiry ? expiry.DayNumber - entryDate.DayNumber : 0,
            p.Strike is { } strike ? strike / entrySpot(p.Underlying) : 0.0))];
    }

    /// <summary>Contracts replaced so far.</summary>
    public int Rolls { get; private set; }

    /// <summary>
    /// The book on <paramref name="date"/> (dates must come in order): contracts expiring on or before it rolled
    /// at <paramref name="spot"/>, or dropped without roll.
    /// </summary>
    public IReadOnlyList<Position> On(DateOnly date, Func<string, double> spot)
    {
        ArgumentNullException.ThrowIfNull(spot);
        var book = new List<Position>(_held.Length);
        foreach (var held in _held)
        {
            if (held.Current.Expiry is { } expiry && expiry <= date)
            {
                if (!_roll)
                {
                    held.Dropped = true;
                }
                else
                {
                    held.Current = Rolled(held, date, spot(held.Current.Underlying));
                    Rolls++;
                }
            }

            if (!held.Dropped)
            {
                book.Add(held.Current);
            }
        }

        return book;
    }

    private static Position Rolled(Held held, DateOnly date, double spot)
    {
        var p = held.Current;
        var expiry = ListedExpiryNear(date.AddDays(Math.Max(7, held.TenorDays)), date.AddDays(7));
        var strike = p.Strike is null ? (double?)null : Math.Max(0.01, Math.Round(held.Moneyness * spot, 2));
        return p with { Instrument = Instrument.Of(p.Type, p.Underlying, strike, expiry, p.Right) };
    }

    /// <summary>The third Friday nearest <paramref name="target"/> that is not before <paramref name="earliest"/>.</summary>
    public static DateOnly ListedExpiryNear(DateOnly target, DateOnly earliest)
    {
        var best = DateOnly.MaxValue;
        for (var month = -1; month <= 1; month++)
        {
            var first = new DateOnly(target.Year, target.Month, 1).AddMonths(month);
            var friday = ThirdFriday(first.Year, first.Month);
            if (friday >= earliest && Math.Abs(friday.DayNumber - target.DayNumber) < Math.Abs(best.DayNumber - target.DayNumber))
            {
                best = friday;
            }
        }

        return best != DateOnly.MaxValue ? best : ThirdFriday(earliest.AddMonths(1).Year, earliest.AddMonths(1).Month);
    }

    public static DateOnly ThirdFriday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var toFriday = ((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toFriday + 14);
    }

    private sealed class Held(Position entered, int tenorDays, double moneyness)
    {
        public Position Current { get; set; } = entered;

        public int TenorDays { get; } = tenorDays;

        public double Moneyness { get; } = moneyness;

        public bool Dropped { get; set; }
    }
}
