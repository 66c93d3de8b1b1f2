namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Start dates for backtesting an h-day requirement on non-overlapping windows: t = offset, offset + h, …, while
/// t + h is still a date. Overlapping h-day losses share h − 1 daily moves, so their exceptions are
/// autocorrelated by construction and the binomial, Kupiec and Christoffersen tests (which assume independent
/// days) would be invalid; non-overlapping windows keep them valid at the price of N/h observations.
/// </summary>
public static class NonOverlappingHorizons
{
    /// <summary>The window starts in a history of <paramref name="dates"/> dates; the window from t ends at t + h.</summary>
    public static int[] Starts(int dates, int horizonDays, int offset = 0)
    {
        if (horizonDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "The horizon must be at least one day.");
        }

        if (offset < 0 || offset >= horizonDays)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must lie in [0, {horizonDays}).");
        }

        var count = dates - 1 - offset < horizonDays ? 0 : (dates - 1 - offset) / horizonDays;
        var starts = new int[count];
        for (var w = 0; w < count; w++)
        {
            starts[w] = offset + w * horizonDays;
        }

        return starts;
    }
}
