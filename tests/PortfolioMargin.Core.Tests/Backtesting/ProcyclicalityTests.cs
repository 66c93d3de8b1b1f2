using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>Peak-to-trough and n-day increases on hand-made requirement series.</summary>
public class ProcyclicalityTests
{
    [Fact]
    public void Peak_to_trough_is_max_over_min_whichever_comes_first()
    {
        // The trough (50, index 4) follows the peak (200, index 2): ESMA's ratio ignores the order.
        double[] requirements = [100, 120, 200, 80, 50, 90];
        var result = Procyclicality.PeakToTroughRatio(requirements);

        Assert.Equal(4.0, result.Ratio);
        Assert.Equal(2, result.PeakIndex);
        Assert.Equal(200.0, result.Peak);
        Assert.Equal(4, result.TroughIndex);
        Assert.Equal(50.0, result.Trough);
    }

    [Fact]
    public void Flat_series_has_ratio_one_and_a_zero_trough_has_infinite_ratio()
    {
        Assert.Equal(1.0, Procyclicality.PeakToTroughRatio([7.0, 7.0, 7.0]).Ratio);
        Assert.Equal(double.PositiveInfinity, Procyclicality.PeakToTroughRatio([0.0, 3.0]).Ratio);
    }

    [Fact]
    public void Largest_absolute_and_relative_increases_can_fall_on_different_dates()
    {
        //               0    1    2    3    4     5     6
        double[] series = [10, 20, 20, 100, 150, 140, 300];
        var oneDay = Procyclicality.LargestIncrease(series, 1);

        // Absolute: 140 → 300 (+160, from index 5); relative: 20 → 100 (+400%, from index 2).
        Assert.Equal(160.0, oneDay.LargestAbsolute);
        Assert.Equal(5, oneDay.AbsoluteStartIndex);
        Assert.Equal(6, oneDay.AbsoluteEndIndex);
        Assert.Equal(4.0, oneDay.LargestRelative, 1e-15);
        Assert.Equal(2, oneDay.RelativeStartIndex);
        Assert.Equal(3, oneDay.RelativeEndIndex);

        var fiveDay = Procyclicality.LargestIncrease(series, 5);

        // Starts 0 (10 → 140, +130, +1300%) and 1 (20 → 300, +280, +1400%): both maxima from index 1.
        Assert.Equal(280.0, fiveDay.LargestAbsolute);
        Assert.Equal(1, fiveDay.AbsoluteStartIndex);
        Assert.Equal(14.0, fiveDay.LargestRelative, 1e-15);
        Assert.Equal(1, fiveDay.RelativeStartIndex);
    }

    [Fact]
    public void Thirty_day_increase_on_a_ramp_and_the_standard_horizons()
    {
        // R[t] = 100 + t for 40 days, then a jump to 300 on day 40: the 30-day window 10 → 40 holds it.
        var series = Enumerable.Range(0, 41).Select(t => t < 40 ? 100.0 + t : 300.0).ToArray();
        var increases = Procyclicality.StandardIncreases(series);

        Assert.Equal([1, 5, 30], increases.Select(i => i.HorizonDays));
        Assert.Equal(300.0 - 139.0, increases[0].LargestAbsolute);
        Assert.Equal(39, increases[0].AbsoluteStartIndex);
        Assert.Equal(300.0 - 110.0, increases[2].LargestAbsolute);
        Assert.Equal(10, increases[2].AbsoluteStartIndex);
        Assert.Equal(300.0 / 110.0 - 1.0, increases[2].LargestRelative, 1e-15);
    }

    [Fact]
    public void Relative_increases_start_only_from_a_material_requirement()
    {
        // Peak 200: bases under 2 (1% of it) are no base for a ratio, so 0.001 → 100 (+10,000,000%) and
        // 0.5 → 200 are not relative increases; 100 → 0.5 is the only one (−99.5%). The absolute one is unaffected.
        var result = Procyclicality.LargestIncrease([0.001, 100.0, 0.5, 200.0], 1);
        Assert.Equal(-0.995, result.LargestRelative, 1e-15);
        Assert.Equal(1, result.RelativeStartIndex);
        Assert.Equal(199.5, result.LargestAbsolute);
        Assert.Equal(2, result.AbsoluteStartIndex);

        // Exactly 1% of the peak is material.
        Assert.Equal(99.0, Procyclicality.LargestIncrease([2.0, 200.0], 1).LargestRelative, 1e-12);
    }

    [Fact]
    public void Ties_report_the_first_start()
    {
        var result = Procyclicality.LargestIncrease([10.0, 20.0, 10.0, 20.0], 1);
        Assert.Equal(0, result.AbsoluteStartIndex);
        Assert.Equal(0, result.RelativeStartIndex);
    }

    [Fact]
    public void Falling_series_reports_its_smallest_fall()
    {
        var result = Procyclicality.LargestIncrease([100.0, 90.0, 85.0, 60.0], 1);
        Assert.Equal(-5.0, result.LargestAbsolute);
        Assert.Equal(1, result.AbsoluteStartIndex);
    }

    [Fact]
    public void Zero_starts_are_skipped_for_the_relative_increase()
    {
        var result = Procyclicality.LargestIncrease([0.0, 50.0, 60.0], 1);
        Assert.Equal(50.0, result.LargestAbsolute);
        Assert.Equal(0, result.AbsoluteStartIndex);
        Assert.Equal(0.2, result.LargestRelative, 1e-15);
        Assert.Equal(1, result.RelativeStartIndex);

        var none = Procyclicality.LargestIncrease([0.0, 5.0], 1);
        Assert.Equal(-1, none.RelativeStartIndex);
        Assert.True(double.IsNaN(none.LargestRelative));
    }

    [Fact]
    public void Series_shorter_than_the_horizon_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Procyclicality.LargestIncrease([1.0, 2.0], 5));
        Assert.Empty(Procyclicality.StandardIncreases([1.0]));
    }
}
