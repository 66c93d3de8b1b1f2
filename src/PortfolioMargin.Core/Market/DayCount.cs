namespace PortfolioMargin.Core.Market;

/// <summary>ACT/365 between calendar dates, the convention for every year fraction in the engine.</summary>
public static class DayCount
{
    public const double DaysPerYear = 365.0;

    public static double YearFraction(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerYear;
}
