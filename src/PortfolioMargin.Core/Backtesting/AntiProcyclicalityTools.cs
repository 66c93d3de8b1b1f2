namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The anti-procyclicality tools of EMIR RTS 153/2013 Art. 28(1), any of which a model may carry. A CCP must apply
/// at least one; a backtest may switch each on per model to see what it costs in level and saves in jumps.
/// </summary>
[Flags]
public enum AntiProcyclicalityTools
{
    None = 0,

    /// <summary>Art. 28(1)(a): a buffer of at least 25% of the requirement, run down while requirements rise.</summary>
    Buffer = 1,

    /// <summary>Art. 28(1)(b): at least 25% weight on the requirement under a stressed period's observations.</summary>
    Stress = 2,

    /// <summary>Art. 28(1)(c): a requirement no lower than under volatility over a ten-year lookback.</summary>
    TenYear = 4,
}

public static class AntiProcyclicalityToolNames
{
    /// <summary>Every tool in the order a model's name lists them (the order they are applied in).</summary>
    public static IReadOnlyList<AntiProcyclicalityTools> All { get; } =
        [AntiProcyclicalityTools.Stress, AntiProcyclicalityTools.TenYear, AntiProcyclicalityTools.Buffer];

    public static string Name(this AntiProcyclicalityTools tool) => tool switch
    {
        AntiProcyclicalityTools.Buffer => "buffer",
        AntiProcyclicalityTools.Stress => "stress",
        AntiProcyclicalityTools.TenYear => "tenyear",
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "not a single anti-procyclicality tool"),
    };

    public static AntiProcyclicalityTools? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "buffer" => AntiProcyclicalityTools.Buffer,
        "stress" => AntiProcyclicalityTools.Stress,
        "tenyear" => AntiProcyclicalityTools.TenYear,
        _ => null,
    };

    /// <summary>The tools that are on, in <see cref="All"/>'s order.</summary>
    public static IEnumerable<AntiProcyclicalityTools> Each(this AntiProcyclicalityTools tools) => All.Where(t => tools.HasFlag(t));
}
