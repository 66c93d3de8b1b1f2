namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Art. 28(1)(c)'s long-run estimates on one date: equal-weight second moments of the daily log returns over the
/// last <c>lookbackDays</c> returns known at its close (all of them, in a shorter history), zero-mean as the
/// EWMA's and RiskMetrics' are, so that the two differ only in their weights. Daily volatilities; a factor
/// that never moved has volatility 0 and correlation 0 with the others.
/// </summary>
public static class LongRunVolatility
{
    /// <param name="returns">[row, underlying]: row k is the return into date k + 1.</param>
    /// <param name="date">The date whose close the estimate is made at: rows date − lookback … date − 1.</param>
    public static (double[] DailyVolatility, double[,] Correlation) On(double[,] returns, int date, int lookbackDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(date, 1);
        var n = returns.GetLength(1);
        var last = Math.Min(date - 1, returns.GetLength(0) - 1);
        var first = Math.Max(0, last - lookbackDays + 1);
        var days = last - first + 1;
        var covariance = new double[n, n];
        for (var k = first; k <= last; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    covariance[i, j] += returns[k, i] * returns[k, j];
                }
            }
        }

        var volatility = new double[n];
        for (var i = 0; i < n; i++)
        {
            volatility[i] = Math.Sqrt(covariance[i, i] / days);
        }

        var correlation = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            correlation[i, i] = 1.0;
            for (var j = 0; j < i; j++)
            {
                var scale = Math.Sqrt(covariance[i, i] * covariance[j, j]);
                var rho = scale > 0.0 ? Math.Clamp(covariance[i, j] / scale, -1.0, 1.0) : 0.0;
                correlation[i, j] = rho;
                correlation[j, i] = rho;
            }
        }

        return (volatility, correlation);
    }
}
