namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The stressed period of Art. 28(1)(b) without look-ahead: on each date, of the windows of
/// <c>windowDays</c> consecutive daily returns known at its close, the one with the largest realized variance
/// (the sum of squared log returns, averaged over the underlyings). It changes only when a more volatile year
/// than any before has been seen, so it is a fixed window between crises, chosen from the data rather than
/// by hand; before a crisis it is the worst calm year there is, as a CCP's would be with no crisis on record.
/// </summary>
public sealed class StressedPeriod
{
    private readonly int[] _bestStart;

    /// <param name="returns">Daily log returns, [row, underlying]: row k is the return into date k + 1.</param>
    public StressedPeriod(double[,] returns, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        WindowDays = windowDays;
        var rows = returns.GetLength(0);
        var n = returns.GetLength(1);
        var variance = new double[rows];
        for (var k = 0; k < rows; k++)
        {
            var sum = 0.0;
            for (var u = 0; u < n; u++)
            {
                sum += returns[k, u] * returns[k, u];
            }

            variance[k] = sum / n;
        }

        // bestStart[e]: the start of the most volatile window among those ending at row e or before (the
        // earliest on ties); a window's sum is taken afresh, not by a running difference, so that rounding
        // never depends on the rows before it.
        _bestStart = new int[rows];
        var best = double.NegativeInfinity;
        var bestStart = -1;
        for (var end = 0; end < rows; end++)
        {
            if (end >= windowDays - 1)
            {
                var start = end - windowDays + 1;
                var sum = 0.0;
                for (var k = start; k <= end; k++)
                {
                    sum += variance[k];
                }

                if (sum > best)
                {
                    (best, bestStart) = (sum, start);
                }
            }

            _bestStart[end] = bestStart;
        }
    }

    public int WindowDays { get; }

    /// <summary>
    /// The first return row of the stressed window known on date <paramref name="date"/> (returns up to row
    /// date − 1), or −1 before a whole window has been seen.
    /// </summary>
    public int StartOn(int date) => date < 1 ? -1 : _bestStart[Math.Min(date - 1, _bestStart.Length - 1)];
}
