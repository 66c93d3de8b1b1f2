namespace PortfolioMargin.Core.Backtesting;

/// <summary>The margin models a backtest replays, each a named model in the output.</summary>
public enum MarginModel
{
    /// <summary>The engine's own model on each date's snapshot: the history's implied vols, EWMA correlations.</summary>
    Implied,

    /// <summary>The engine's correlated model with EWMA spot vols and correlations estimated from the history (RiskMetrics).</summary>
    Ewma,

    /// <summary>Filtered historical simulation: the past window's joint changes rescaled by today's EWMA vol (Prisma, SPAN 2).</summary>
    Fhs,
}

public static class MarginModelNames
{
    public static string Name(this MarginModel model) => model switch
    {
        MarginModel.Implied => "implied",
        MarginModel.Ewma => "ewma",
        MarginModel.Fhs => "fhs",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "not a margin model"),
    };

    public static MarginModel? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "implied" => MarginModel.Implied,
        "ewma" => MarginModel.Ewma,
        "fhs" => MarginModel.Fhs,
        _ => null,
    };
}
