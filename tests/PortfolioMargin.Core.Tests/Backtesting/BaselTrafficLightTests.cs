using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The traffic light against the BCBS 1996 table and the zone starts of docs/test-vectors.md §6.4 [BCBS-96][MW-TL][CFRM].</summary>
public class BaselTrafficLightTests
{
    [Theory]
    // docs/test-vectors.md §6.4: green 0–4 (plus 0), yellow 5–9 (0.40, 0.50, 0.65, 0.75, 0.85), red ≥ 10 (1.00).
    [InlineData(0, TrafficLightZone.Green, 0.00)]
    [InlineData(4, TrafficLightZone.Green, 0.00)]
    [InlineData(5, TrafficLightZone.Yellow, 0.40)]
    [InlineData(6, TrafficLightZone.Yellow, 0.50)]
    [InlineData(7, TrafficLightZone.Yellow, 0.65)]
    [InlineData(8, TrafficLightZone.Yellow, 0.75)]
    [InlineData(9, TrafficLightZone.Yellow, 0.85)]
    [InlineData(10, TrafficLightZone.Red, 1.00)]
    [InlineData(25, TrafficLightZone.Red, 1.00)]
    public void Standard_table_zones_and_plus_factors(int exceptions, TrafficLightZone zone, double plusFactor)
    {
        Assert.Equal(zone, BaselTrafficLight.Zone(exceptions));
        Assert.Equal(plusFactor, BaselTrafficLight.PlusFactor(exceptions));
    }

    [Theory]
    // docs/test-vectors.md §6.4, zone starts for other settings (computed); 750 @ 99.5% matches [CFRM].
    [InlineData(250, 0.99, 5, 10)]
    [InlineData(250, 0.995, 3, 7)]
    [InlineData(750, 0.995, 7, 13)]
    [InlineData(750, 0.99, 12, 20)]
    [InlineData(500, 0.99, 9, 15)]
    public void Zone_starts_follow_the_binomial_rule(int observations, double confidence, int yellowStart, int redStart)
    {
        Assert.Equal(yellowStart, BaselTrafficLight.YellowZoneStart(observations, confidence));
        Assert.Equal(redStart, BaselTrafficLight.RedZoneStart(observations, confidence));
        Assert.Equal(TrafficLightZone.Green, BaselTrafficLight.Zone(yellowStart - 1, observations, confidence));
        Assert.Equal(TrafficLightZone.Yellow, BaselTrafficLight.Zone(yellowStart, observations, confidence));
        Assert.Equal(TrafficLightZone.Yellow, BaselTrafficLight.Zone(redStart - 1, observations, confidence));
        Assert.Equal(TrafficLightZone.Red, BaselTrafficLight.Zone(redStart, observations, confidence));
    }

    [Fact]
    public void Rolling_windows_slide_one_day_at_a_time()
    {
        // 600 days: exceptions on every 70th day (four per window), then a cluster of 8 on days 400–407.
        var exceedances = new bool[600];
        for (var t = 0; t < 600; t += 70)
        {
            exceedances[t] = true;
        }

        for (var t = 400; t < 408; t++)
        {
            exceedances[t] = true;
        }

        var windows = BaselTrafficLight.RollingZones(exceedances);
        Assert.Equal(351, windows.Length);
        for (var j = 0; j < windows.Length; j++)
        {
            var expected = exceedances.AsSpan(j, 250).ToArray().Count(e => e);
            Assert.Equal(j, windows[j].StartIndex);
            Assert.Equal(j + 249, windows[j].EndIndex);
            Assert.Equal(expected, windows[j].Exceptions);
            Assert.Equal(BaselTrafficLight.Zone(expected), windows[j].Zone);
        }

        Assert.Equal(TrafficLightZone.Green, windows[0].Zone);
        Assert.Contains(windows, w => w.Zone == TrafficLightZone.Red);
    }

    [Fact]
    public void Sequence_shorter_than_a_window_has_no_windows()
    {
        Assert.Empty(BaselTrafficLight.RollingZones(new bool[249]));
    }
}
