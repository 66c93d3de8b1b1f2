namespace PortfolioMargin.Core.Backtesting;

/// <summary>A two-sided confidence interval [Lower, Upper] for a proportion, at the stated confidence.</summary>
public readonly record struct ProportionInterval(double Lower, double Upper, double Confidence)
{
    /// <summary>Whether the proportion lies inside the interval (bounds included).</summary>
    public bool Contains(double proportion) => proportion >= Lower && proportion <= Upper;
}
