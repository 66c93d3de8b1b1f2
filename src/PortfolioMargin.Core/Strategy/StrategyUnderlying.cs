namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// What the rules need to know about an underlying: its spot (the S of the naked-option formulas) and whether it is
/// a broad-based index (15% instead of 20%); the caller decides which indexes are broad-based, nothing here lists them.
/// </summary>
public sealed record StrategyUnderlying
{
    public StrategyUnderlying(string name, double spot, bool isBroadBasedIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, nameof(Name));
        StrategyGuard.Positive(spot, nameof(Spot));
        Name = name;
        Spot = spot;
        IsBroadBasedIndex = isBroadBasedIndex;
    }

    public string Name { get; }

    public double Spot { get; }

    public bool IsBroadBasedIndex { get; }
}
