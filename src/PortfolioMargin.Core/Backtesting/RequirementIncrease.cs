namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The largest n-day increase of a requirement series: absolute R[t+n] − R[t] from AbsoluteStartIndex, and relative
/// R[t+n]/R[t] − 1 (a fraction: 0.5 = +50%) from RelativeStartIndex; the two can occur on different dates.
/// RelativeStartIndex is −1 (and LargestRelative NaN) when no start date has a material requirement (Procyclicality.MaterialBaseShare of the peak).
/// </summary>
public readonly record struct RequirementIncrease(int HorizonDays, double LargestAbsolute, int AbsoluteStartIndex, double LargestRelative, int RelativeStartIndex)
{
    public int AbsoluteEndIndex => AbsoluteStartIndex + HorizonDays;

    public int RelativeEndIndex => RelativeStartIndex < 0 ? -1 : RelativeStartIndex + HorizonDays;
}
