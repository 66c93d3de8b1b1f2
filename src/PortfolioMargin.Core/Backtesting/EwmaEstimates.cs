namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Whole-history EWMA estimates from a return matrix (rows = days, columns = underlyings): element [t, …] is the
/// estimate at the close of day t, from rows 0 … t only, which is the forecast for day t + 1.
/// </summary>
public static class EwmaEstimates
{
    /// <summary>Daily EWMA volatility [t, i] of every underlying on every day.</summary>
    public static double[,] Volatilities(double[,] returns, double decay = EwmaCovariance.RiskMetricsDecay, int warmupDays = EwmaCovariance.DefaultWarmupDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var days = returns.GetLength(0);
        var underlyings = returns.GetLength(1);
        var volatilities = new double[days, underlyings];
        var ewma = new EwmaCovariance(underlyings, decay, warmupDays);
        var row = new double[underlyings];
        for (var t = 0; t < days; t++)
        {
            ewma.Add(Row(returns, t, row));
            for (var i = 0; i < underlyings; i++)
            {
                volatilities[t, i] = ewma.Volatility(i);
            }
        }

        return volatilities;
    }

    /// <summary>The EWMA correlation matrix at the close of every day: element t is the matrix after rows 0 … t.</summary>
    public static double[][,] Correlations(double[,] returns, double decay = EwmaCovariance.RiskMetricsDecay, int warmupDays = EwmaCovariance.DefaultWarmupDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var days = returns.GetLength(0);
        var ewma = new EwmaCovariance(returns.GetLength(1), decay, warmupDays);
        var row = new double[returns.GetLength(1)];
        var correlations = new double[days][,];
        for (var t = 0; t < days; t++)
        {
            ewma.Add(Row(returns, t, row));
            correlations[t] = ewma.CorrelationMatrix();
        }

        return correlations;
    }

    /// <summary>The EWMA correlation matrix at the close of <paramref name="date"/>, reading rows 0 … date only.</summary>
    public static double[,] CorrelationAt(double[,] returns, int date, double decay = EwmaCovariance.RiskMetricsDecay, int warmupDays = EwmaCovariance.DefaultWarmupDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (date < 0 || date >= returns.GetLength(0))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date must index one of the {returns.GetLength(0)} rows.");
        }

        var ewma = new EwmaCovariance(returns.GetLength(1), decay, warmupDays);
        var row = new double[returns.GetLength(1)];
        for (var t = 0; t <= date; t++)
        {
            ewma.Add(Row(returns, t, row));
        }

        return ewma.CorrelationMatrix();
    }

    internal static double[] Row(double[,] matrix, int t, double[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = matrix[t, i];
        }

        return row;
    }
}
