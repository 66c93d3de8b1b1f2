using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// A daily market history for a backtest: every underlying's close on every date, in date order. Arrays are
/// [date · Underlyings.Count + underlying]; <see cref="Rate"/> is one continuously compounded rate per date.
/// Smile, vol-of-vol and spot-vol correlation are whatever the history gives (0 where it gives none: a flat
/// smile, an implied vol that does not move in the engine's scenarios).
/// </summary>
public sealed record MarketHistory(
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<string> Underlyings,
    double[] Spot,
    double[] AtmVol,
    double[] DividendYield,
    double[] Skew,
    double[] Smile,
    double[] VolOfVol,
    double[] SpotVolCorrelation,
    double[] Rate)
{
    /// <summary>Closes are taken at 21:00 UTC (16:00 New York in winter): the date the engine counts years from.</summary>
    public static readonly TimeOnly CloseTime = new(21, 0);

    /// <summary>The history file carries prices, not a currency: its money is counted in this one.</summary>
    public const string Currency = "USD";

    public int DateCount => Dates.Count;

    public int UnderlyingCount => Underlyings.Count;

    public int At(int date, int underlying) => date * Underlyings.Count + underlying;

    public Underlying UnderlyingAt(int date, int underlying)
    {
        var i = At(date, underlying);
        return new Underlying(Underlyings[underlying], Spot[i], DividendYield[i], AtmVol[i], Skew[i], Smile[i], VolOfVol[i], SpotVolCorrelation[i]);
    }

    /// <summary>The engine's snapshot of one date's close, with a spot-return correlation matrix the caller estimated.</summary>
    public MarketSnapshot Snapshot(int date, double[,] correlation, string currency = Currency) => new(
        new DateTimeOffset(Dates[date].ToDateTime(CloseTime), TimeSpan.Zero),
        currency,
        Rate[date],
        [.. Enumerable.Range(0, UnderlyingCount).Select(u => UnderlyingAt(date, u))],
        correlation);

    /// <summary>Daily log-returns of the spots: row r is ln(S_{r+1}/S_r), so row r is known at the close of date r + 1.</summary>
    public double[,] SpotLogReturns() => LogChanges(Spot);

    /// <summary>Daily log-changes of the ATM vols, laid out as <see cref="SpotLogReturns"/>.</summary>
    public double[,] VolLogChanges() => LogChanges(AtmVol);

    private double[,] LogChanges(double[] levels)
    {
        var n = UnderlyingCount;
        var changes = new double[Math.Max(0, DateCount - 1), n];
        for (var t = 1; t < DateCount; t++)
        {
            for (var u = 0; u < n; u++)
            {
                changes[t - 1, u] = Math.Log(levels[At(t, u)] / levels[At(t - 1, u)]);
            }
        }

        return changes;
    }
}
