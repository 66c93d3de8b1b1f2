namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// A likelihood-ratio backtest: the statistic, its χ² degrees of freedom and the p-value P(χ² &gt; statistic).
/// </summary>
public readonly record struct LikelihoodRatioTest(double LikelihoodRatio, int DegreesOfFreedom, double PValue)
{
    /// <summary>The test from a statistic: p-value from the χ² survival function.</summary>
    public static LikelihoodRatioTest FromStatistic(double likelihoodRatio, int degreesOfFreedom) =>
        new(likelihoodRatio, degreesOfFreedom, ChiSquareDistribution.Survival(likelihoodRatio, degreesOfFreedom));

    /// <summary>Whether the model is rejected at the given significance level (e.g. 0.05).</summary>
    public bool RejectedAt(double significance) => PValue < significance;
}
