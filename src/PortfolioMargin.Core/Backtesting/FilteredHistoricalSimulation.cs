namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Filtered historical simulation (Hull and White 1998, "Incorporating volatility updating into the historical
/// simulation method for value-at-risk"; the devolatilise–revolatilise step of Eurex Prisma and CME SPAN 2):
/// each historical change is divided by the volatility that prevailed when it happened and multiplied by today's,
///     scenario_{s,i} = r_{s,i} · σ_today,i / σ_s,i.
/// The same step serves spot log-returns and implied-vol changes (with the EWMA vol of the vol changes); it is
/// applied per column, so the cross-sectional dependence of each historical day is kept.
/// </summary>
public static class FilteredHistoricalSimulation
{
    /// <summary>
    /// Scenarios from a window of historical changes [s, i], the volatility σ_s,i that prevailed on each of those
    /// days, and today's volatility σ_today,i. The result has the window's shape: one scenario per historical day.
    /// </summary>
    public static double[,] Scenarios(double[,] historicalChanges, double[,] historicalVolatility, ReadOnlySpan<double> currentVolatility)
    {
        ArgumentNullException.ThrowIfNull(historicalChanges);
        ArgumentNullException.ThrowIfNull(historicalVolatility);
        var days = historicalChanges.GetLength(0);
        var factors = historicalChanges.GetLength(1);
        if (historicalVolatility.GetLength(0) != days || historicalVolatility.GetLength(1) != factors || currentVolatility.Length != factors)
        {
            throw new ArgumentException(
                $"Changes are {days}×{factors}, volatilities {historicalVolatility.GetLength(0)}×{historicalVolatility.GetLength(1)}, today's vols {currentVolatility.Length}.");
        }

        var scenarios = new double[days, factors];
        for (var s = 0; s < days; s++)
        {
            for (var i = 0; i < factors; i++)
            {
                var then = historicalVolatility[s, i];
                if (!(then >= 0.0) || double.IsPositiveInfinity(then))
                {
                    throw new ArgumentException($"Historical volatility [{s}, {i}] is {then}; it must be finite and non-negative.", nameof(historicalVolatility));
                }

                // A factor that had never moved before day s (a constant or stale implied vol) has no vol to divide
                // by: its change is taken as it was, unfiltered. The ratio first otherwise: with σ_today = σ_s it is
                // exactly 1 and the scenario is the raw change, bit for bit.
                scenarios[s, i] = then == 0.0 ? historicalChanges[s, i] : historicalChanges[s, i] * (currentVolatility[i] / then);
            }
        }

        return scenarios;
    }

    /// <summary>
    /// Scenarios for day <paramref name="date"/> + 1 from a full history of changes, with EWMA volatilities:
    /// the window is rows date − windowDays + 1 … date; change s is devolatilised by the EWMA forecast for day s
    /// (the estimate at the close of s − 1, so a change is scaled by the vol known before it happened, as in
    /// Hull and White) and revolatilised by the estimate at the close of <paramref name="date"/>. Reads rows
    /// 0 … date only. The window must start at row 1 or later so that every day has a prior forecast. With
    /// <paramref name="floorAtWindowMean"/> no devolatilising vol is below its window mean (<see cref="FloorAtMean"/>).
    /// </summary>
    public static double[,] FromHistory(
        double[,] changes,
        int date,
        int windowDays,
        double decay = EwmaCovariance.RiskMetricsDecay,
        int warmupDays = EwmaCovariance.DefaultWarmupDays,
        bool floorAtWindowMean = false)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var first = date - windowDays + 1;
        if (windowDays < 1 || first < 1 || date >= changes.GetLength(0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(windowDays), $"A window of {windowDays} days ending at row {date} must start at row 1 or later and end inside the {changes.GetLength(0)} rows.");
        }

        var factors = changes.GetLength(1);
        var ewma = new EwmaCovariance(factors, decay, warmupDays);
        var row = new double[factors];
        var window = new double[windowDays, factors];
        var windowVolatility = new double[windowDays, factors];
        for (var t = 0; t <= date; t++)
        {
            if (t >= first)
            {
                for (var i = 0; i < factors; i++)
                {
                    window[t - first, i] = changes[t, i];
                    windowVolatility[t - first, i] = ewma.Volatility(i);
                }
            }

            ewma.Add(EwmaEstimates.Row(changes, t, row));
        }

        var current = new double[factors];
        for (var i = 0; i < factors; i++)
        {
            current[i] = ewma.Volatility(i);
        }

        if (floorAtWindowMean)
        {
            FloorAtMean(windowVolatility);
        }

        return Scenarios(window, windowVolatility, current);
    }

    /// <summary>
    /// Each factor's devolatilising vols floored at their mean over the window: a change on a day whose forecast
    /// was far below normal (an implied vol that barely moved for months, then jumped) is otherwise divided by
    /// almost nothing and, revolatilised in a stressed market, becomes a scenario no market has seen. CCPs floor
    /// the filtering vol for the same reason (Eurex Prisma's floor on the EWMA vol).
    /// </summary>
    private static void FloorAtMean(double[,] volatility)
    {
        var days = volatility.GetLength(0);
        for (var i = 0; i < volatility.GetLength(1); i++)
        {
            var mean = 0.0;
            for (var s = 0; s < days; s++)
            {
                mean += volatility[s, i] / days;
            }

            for (var s = 0; s < days; s++)
            {
                volatility[s, i] = Math.Max(volatility[s, i], mean);
            }
        }
    }
}
