namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The parameters of the EMIR Art. 28 tools (docs/backtesting.md §10) and the rules that turn a model's
/// requirement R into the requirement M with tools. Applied in a fixed order: the stressed-period weight, then
/// the ten-year floor, then the buffer over the resulting series, so that the buffer is run down against the
/// requirement the other tools already set.
/// </summary>
public sealed record AntiProcyclicality
{
    /// <summary>Art. 28(1)(a)'s minimum: a buffer of 25% of the requirement.</summary>
    public double BufferShare { get; init; } = 0.25;

    /// <summary>
    /// Business days over which a run-down buffer is rebuilt: M may rise by at most BufferShare · R / RebuildDays
    /// a day above R, so that the buffer comes back over about a month, not in one jump after the stress.
    /// </summary>
    public int BufferRebuildDays { get; init; } = 20;

    /// <summary>Art. 28(1)(b)'s minimum weight on the stressed observations.</summary>
    public double StressWeight { get; init; } = 0.25;

    /// <summary>Rows of the stressed period: a year of business days, as Prisma's stress-period set has 250.</summary>
    public int StressWindowDays { get; init; } = 250;

    /// <summary>Art. 28(1)(c)'s lookback: ten years of business days (all of a shorter history).</summary>
    public int LongRunDays { get; init; } = 2_520;

    /// <summary>
    /// Art. 28(1)(b) as SPAN 2's stress blend does it, on the measures: (1 − w) · R + w · S, with S the requirement
    /// under the stressed period's scenarios; never below R itself, so the tool only adds where the stressed
    /// period is worse than today.
    /// </summary>
    public double StressWeighted(double requirement, double stressed) =>
        Math.Max(requirement, (1.0 - StressWeight) * requirement + StressWeight * Math.Max(0.0, stressed));

    /// <summary>Art. 28(1)(c): the requirement no lower than the one under ten-year volatility.</summary>
    public static double Floored(double requirement, double longRun) => Math.Max(requirement, longRun);

    /// <summary>
    /// Art. 28(1)(a), a buffer "temporarily exhausted in periods where calculated margin requirements are rising
    /// significantly": M_0 = (1 + b) R_0 and M_t = max(R_t, min((1 + b) R_t, M_{t−1} + b · R_t / D)). M stays within
    /// [R, (1 + b) R]: in calm markets it is (1 + b) R; a rise in R is absorbed by the buffer until it is used up
    /// (M rises by at most b · R / D a day until R reaches it), and a used buffer is rebuilt at that rate, or by
    /// R falling back toward M / (1 + b). Reads dates up to t only.
    /// </summary>
    public double[] Buffered(ReadOnlySpan<double> requirements)
    {
        var buffered = new double[requirements.Length];
        for (var t = 0; t < requirements.Length; t++)
        {
            var r = requirements[t];
            var full = (1.0 + BufferShare) * r;
            buffered[t] = t == 0 ? full : Math.Max(r, Math.Min(full, buffered[t - 1] + BufferShare * r / BufferRebuildDays));
        }

        return buffered;
    }

    /// <summary>The first parameter outside its rule, as (option, problem), or null.</summary>
    public (string Option, string Problem)? FirstProblem()
    {
        if (!(BufferShare is > 0 and <= 1))
        {
            return ("--apc-buffer", $"is {BufferShare}, must be in (0, 1] (EMIR's minimum is 0.25)");
        }

        if (BufferRebuildDays is < 1 or > 250)
        {
            return ("--apc-rebuild", $"is {BufferRebuildDays}, must be in [1, 250] business days");
        }

        if (!(StressWeight is > 0 and <= 1))
        {
            return ("--apc-stress-weight", $"is {StressWeight}, must be in (0, 1] (EMIR's minimum is 0.25)");
        }

        if (StressWindowDays is < 100 or > 2_520)
        {
            return ("--apc-stress-days", $"is {StressWindowDays}, must be in [100, 2520] rows");
        }

        return null;
    }
}
