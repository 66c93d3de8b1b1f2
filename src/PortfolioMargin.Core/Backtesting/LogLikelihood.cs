namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Bernoulli log-likelihood terms with the convention 0·ln 0 = 0 (the limit of x·ln x), so that a backtest with
/// no exceptions, only exceptions, or an empty transition row gives a finite statistic instead of NaN.
/// </summary>
internal static class LogLikelihood
{
    /// <summary>count · ln(probability), taken as 0 when count is 0 whatever the probability.</summary>
    public static double Term(double count, double probability) => count == 0.0 ? 0.0 : count * Math.Log(probability);

    /// <summary>count · ln(numerator / denominator): the maximum-likelihood term, 0 when count is 0 (then 0/0 is never formed).</summary>
    public static double FittedTerm(double count, double numerator, double denominator) =>
        count == 0.0 ? 0.0 : count * Math.Log(numerator / denominator);
}
