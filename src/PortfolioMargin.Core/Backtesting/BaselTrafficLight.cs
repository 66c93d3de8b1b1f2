namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The Basel traffic light: under a correct model the exceptions in N days are Binomial(N, 1 − confidence);
/// the zone of x exceptions is green while P(X ≤ x) &lt; 95%, yellow from 95% and red from 99.99% (BCBS 1996).
/// </summary>
public static class BaselTrafficLight
{
    /// <summary>The standard setting the BCBS plus factors are defined for.</summary>
    public const int StandardObservations = 250;

    public const double StandardConfidence = 0.99;

    public const double YellowCumulativeProbability = 0.95;
    public const double RedCumulativeProbability = 0.9999;

    // BCBS (1996), Table 2: plus factor for 5..9 exceptions in 250 days at 99%; green 0, red 1.
    private static readonly double[] YellowPlusFactors = [0.40, 0.50, 0.65, 0.75, 0.85];

    /// <summary>The zone of <paramref name="exceptions"/> in <paramref name="observations"/> days at VaR <paramref name="confidence"/>.</summary>
    public static TrafficLightZone Zone(int exceptions, int observations = StandardObservations, double confidence = StandardConfidence)
    {
        var cumulative = BinomialDistribution.Cdf(exceptions, observations, 1.0 - CheckConfidence(confidence));
        return cumulative >= RedCumulativeProbability ? TrafficLightZone.Red
            : cumulative >= YellowCumulativeProbability ? TrafficLightZone.Yellow
            : TrafficLightZone.Green;
    }

    /// <summary>The fewest exceptions that are yellow (or red), for the given number of days and confidence.</summary>
    public static int YellowZoneStart(int observations = StandardObservations, double confidence = StandardConfidence) =>
        FirstCountReaching(YellowCumulativeProbability, observations, confidence);

    /// <summary>The fewest exceptions that are red.</summary>
    public static int RedZoneStart(int observations = StandardObservations, double confidence = StandardConfidence) =>
        FirstCountReaching(RedCumulativeProbability, observations, confidence);

    /// <summary>
    /// The BCBS plus factor for 250 days of 99% VaR (capital multiplier k = 3 + plus): 0 in green (0–4),
    /// 0.40, 0.50, 0.65, 0.75, 0.85 for 5–9 exceptions, 1.00 in red (≥ 10). Defined only for that setting.
    /// </summary>
    public static double PlusFactor(int exceptions)
    {
        if (exceptions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exceptions), exceptions, "Exceptions cannot be negative.");
        }

        return exceptions < 5 ? 0.0 : exceptions < 10 ? YellowPlusFactors[exceptions - 5] : 1.0;
    }

    /// <summary>
    /// The zone of each full window of <paramref name="windowDays"/> consecutive days: element j covers days
    /// j … j + windowDays − 1 (so it is dated by its last day, j + windowDays − 1). O(T) with a sliding count.
    /// </summary>
    public static TrafficLightWindow[] RollingZones(ReadOnlySpan<bool> exceedances, int windowDays = StandardObservations, double confidence = StandardConfidence)
    {
        if (windowDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "A window needs at least one day.");
        }

        if (exceedances.Length < windowDays)
        {
            return [];
        }

        var yellowStart = YellowZoneStart(windowDays, confidence);
        var redStart = RedZoneStart(windowDays, confidence);
        var windows = new TrafficLightWindow[exceedances.Length - windowDays + 1];
        var count = KupiecTest.Count(exceedances[..windowDays]);
        for (var start = 0; start < windows.Length; start++)
        {
            if (start > 0)
            {
                count += (exceedances[start + windowDays - 1] ? 1 : 0) - (exceedances[start - 1] ? 1 : 0);
            }

            var zone = count >= redStart ? TrafficLightZone.Red : count >= yellowStart ? TrafficLightZone.Yellow : TrafficLightZone.Green;
            windows[start] = new TrafficLightWindow(start, start + windowDays - 1, count, zone);
        }

        return windows;
    }

    private static int FirstCountReaching(double cumulativeProbability, int observations, double confidence)
    {
        var exceptionProbability = 1.0 - CheckConfidence(confidence);
        for (var x = 0; x <= observations; x++)
        {
            if (BinomialDistribution.Cdf(x, observations, exceptionProbability) >= cumulativeProbability)
            {
                return x;
            }
        }

        return observations;
    }

    private static double CheckConfidence(double confidence) =>
        confidence > 0.0 && confidence < 1.0
            ? confidence
            : throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
}
