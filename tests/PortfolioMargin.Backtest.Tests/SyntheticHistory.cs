using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// Histories drawn from the engine's own one-step model (zero-drift lognormal spot, FactorStep), one business day
/// (1/252 of a year) per row, with a daily vol that may change by date and one correlation between every pair.
/// The normals are the engine's counter-based ones under a seed of the test's own, so a history is the same on
/// every machine.
/// </summary>
internal static class SyntheticHistory
{
    public const double Day = 1.0 / BacktestSettings.BusinessDaysPerYear;

    /// <param name="vol">The annualised spot vol of the move into row t (t ≥ 1), also row t's ATM vol.</param>
    public static MarketHistory Lognormal(
        string[] underlyings, double[] startSpot, int dates, Func<int, double> vol, double correlation, ulong seed,
        double rate = 0.0, double dividendYield = 0.0)
    {
        var n = underlyings.Length;
        var spot = new double[dates * n];
        var atm = new double[dates * n];
        var sqrtDay = Math.Sqrt(Day);
        for (var u = 0; u < n; u++)
        {
            spot[u] = startSpot[u];
            atm[u] = vol(0);
        }

        var common = Math.Sqrt(correlation);
        var own = Math.Sqrt(1.0 - correlation);
        for (var t = 1; t < dates; t++)
        {
            // One common factor gives every pair the same correlation ρ: z_u = √ρ·m + √(1 − ρ)·e_u.
            var market = CounterNormals.Normal(seed, (uint)t, 0, 0, 0);
            for (var u = 0; u < n; u++)
            {
                var z = common * market + own * CounterNormals.Normal(seed, (uint)t, 0, 1, (uint)u);
                spot[t * n + u] = FactorStep.Spot(spot[(t - 1) * n + u], vol(t), Day, sqrtDay, z);
                atm[t * n + u] = vol(t);
            }
        }

        return new MarketHistory(
            BusinessDays(new DateOnly(2020, 1, 6), dates), underlyings, spot, atm,
            Filled(dates * n, dividendYield), new double[dates * n], new double[dates * n], new double[dates * n], new double[dates * n],
            Filled(dates, rate));
    }

    /// <summary>The same history with every value of rows after <paramref name="date"/> changed (spot, vol, rate).</summary>
    public static MarketHistory ChangedAfter(MarketHistory history, int date)
    {
        var n = history.UnderlyingCount;
        var spot = (double[])history.Spot.Clone();
        var atm = (double[])history.AtmVol.Clone();
        var rate = (double[])history.Rate.Clone();
        for (var t = date + 1; t < history.DateCount; t++)
        {
            rate[t] += 0.01;
            for (var u = 0; u < n; u++)
            {
                spot[t * n + u] *= t % 2 == 0 ? 0.7 : 1.4;
                atm[t * n + u] *= 2.0;
            }
        }

        return history with { Spot = spot, AtmVol = atm, Rate = rate };
    }

    public static DateOnly[] BusinessDays(DateOnly first, int count)
    {
        var days = new List<DateOnly>(count);
        for (var day = first; days.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return [.. days];
    }

    private static double[] Filled(int length, double value)
    {
        var values = new double[length];
        Array.Fill(values, value);
        return values;
    }
}
