using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

public class NonOverlappingHorizonsTests
{
    [Fact]
    public void One_day_horizon_uses_every_date_but_the_last()
    {
        Assert.Equal([0, 1, 2, 3], NonOverlappingHorizons.Starts(5, 1));
    }

    [Fact]
    public void Windows_touch_but_do_not_overlap_and_end_inside_the_history()
    {
        // 12 dates, 5-day windows: 0 → 5, 5 → 10; a window from 10 would end at 15.
        Assert.Equal([0, 5], NonOverlappingHorizons.Starts(12, 5));
        Assert.Equal([1, 6], NonOverlappingHorizons.Starts(12, 5, offset: 1));
        Assert.Equal([2], NonOverlappingHorizons.Starts(12, 5, offset: 2));
        Assert.Equal([0, 5, 10], NonOverlappingHorizons.Starts(16, 5));
    }

    [Fact]
    public void History_shorter_than_a_horizon_has_no_windows()
    {
        Assert.Empty(NonOverlappingHorizons.Starts(5, 5));
        Assert.Empty(NonOverlappingHorizons.Starts(0, 2));
    }
}
