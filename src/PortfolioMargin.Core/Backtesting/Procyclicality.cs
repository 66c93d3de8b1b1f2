namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Procyclicality measures of a margin-requirement series, as used in ESMA's anti-procyclicality guidelines
/// (ESMA/2018/1008, §4; the 2023 APC review) and the BCBS–CPMI–IOSCO "Review of margining practices" (2022):
/// the peak-to-trough ratio and the largest n-day increases (n = 1, 5, 30 days are the usual horizons).
/// Indices are positions in the series (business days).
/// </summary>
public static class Procyclicality
{
    /// <summary>The n-day horizons the CPMI-IOSCO review and ESMA APC reporting look at.</summary>
    public static readonly int[] StandardHorizonsDays = [1, 5, 30];

    /// <summary>
    /// Peak-to-trough ratio as ESMA defines it: the maximum requirement over the minimum requirement over the
    /// whole observation period, regardless of which comes first. It is +∞ when the minimum is zero (a
    /// requirement that vanishes and comes back has no finite ratio).
    /// </summary>
    public static PeakToTrough PeakToTroughRatio(ReadOnlySpan<double> requirements)
    {
        CheckRequirements(requirements, 1);
        var peakIndex = 0;
        var troughIndex = 0;
        for (var t = 1; t < requirements.Length; t++)
        {
            if (requirements[t] > requirements[peakIndex])
            {
                peakIndex = t;
            }

            if (requirements[t] < requirements[troughIndex])
            {
                troughIndex = t;
            }
        }

        var peak = requirements[peakIndex];
        var trough = requirements[troughIndex];
        var ratio = trough > 0.0 ? peak / trough : double.PositiveInfinity;
        return new PeakToTrough(ratio, peakIndex, peak, troughIndex, trough);
    }

    /// <summary>
    /// The share of the series' peak a requirement must reach to be the base of a relative increase. A book's
    /// requirement can all but vanish for a day (a short option two days from expiring out of the money, a hedge
    /// exactly balanced), and a rise from a few cents is a ratio in the millions that says nothing about the
    /// model: relative increases start only from a material requirement, at least 1% of the peak.
    /// </summary>
    public const double MaterialBaseShare = 0.01;

    /// <summary>
    /// The largest change R[t + n] − R[t] (absolute) and R[t + n]/R[t] − 1 (relative, over dates with R[t] &gt; 0
    /// and at least <see cref="MaterialBaseShare"/> of the peak) across all start dates t, with the start index
    /// where each occurs (the first, on ties). Not floored at zero: a series that only falls reports its smallest
    /// fall as a negative number.
    /// </summary>
    public static RequirementIncrease LargestIncrease(ReadOnlySpan<double> requirements, int horizonDays)
    {
        if (horizonDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "The horizon must be at least one day.");
        }

        CheckRequirements(requirements, horizonDays + 1);
        var peak = 0.0;
        foreach (var requirement in requirements)
        {
            peak = Math.Max(peak, requirement);
        }

        var materialBase = MaterialBaseShare * peak;
        var absoluteStart = -1;
        var largestAbsolute = double.NegativeInfinity;
        var relativeStart = -1;
        var largestRelative = double.NaN;
        for (var t = 0; t + horizonDays < requirements.Length; t++)
        {
            var from = requirements[t];
            var to = requirements[t + horizonDays];
            if (to - from > largestAbsolute)
            {
                largestAbsolute = to - from;
                absoluteStart = t;
            }

            if (from > 0.0 && from >= materialBase)
            {
                var relative = to / from - 1.0;
                if (relativeStart < 0 || relative > largestRelative)
                {
                    largestRelative = relative;
                    relativeStart = t;
                }
            }
        }

        return new RequirementIncrease(horizonDays, largestAbsolute, absoluteStart, largestRelative, relativeStart);
    }

    /// <summary><see cref="LargestIncrease"/> for each of the 1-, 5- and 30-day horizons that the series is long enough for.</summary>
    public static RequirementIncrease[] StandardIncreases(ReadOnlySpan<double> requirements)
    {
        var increases = new List<RequirementIncrease>(StandardHorizonsDays.Length);
        foreach (var horizon in StandardHorizonsDays)
        {
            if (requirements.Length > horizon)
            {
                increases.Add(LargestIncrease(requirements, horizon));
            }
        }

        return [.. increases];
    }

    private static void CheckRequirements(ReadOnlySpan<double> requirements, int minimumLength)
    {
        if (requirements.Length < minimumLength)
        {
            throw new ArgumentException($"The series needs at least {minimumLength} dates, has {requirements.Length}.", nameof(requirements));
        }

        foreach (var requirement in requirements)
        {
            if (!(requirement >= 0.0) || double.IsPositiveInfinity(requirement))
            {
                throw new ArgumentException($"A margin requirement must be finite and non-negative, got {requirement}.", nameof(requirements));
            }
        }
    }
}
