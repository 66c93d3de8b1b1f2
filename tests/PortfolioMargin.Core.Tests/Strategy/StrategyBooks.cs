using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Dates, underlyings and helpers shared by the strategy tests.</summary>
internal static class StrategyBooks
{
    /// <summary>Strategy rules are deterministic: they match the published dollars to 1e-6 (docs/test-vectors.md habit).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The Cboe (2007) examples use April options; any valuation within nine months of them will do.</summary>
    public static readonly DateOnly Valuation = new(2007, 3, 16);

    public static readonly DateOnly March = new(2007, 3, 16);

    public static readonly DateOnly April = new(2007, 4, 20);

    public static readonly DateOnly June = new(2007, 6, 15);

    public static readonly StrategyParameters Parameters = new(Valuation);

    /// <summary>IBM at 97.73, the Cboe (2007) equity examples [CBOE-2007].</summary>
    public static readonly StrategyUnderlying Ibm = new("IBM", 97.73, isBroadBasedIndex: false);

    /// <summary>SPX at 1451.19, the level the Cboe (2007) index rows imply (docs/test-vectors.md §5.2 rows 5–6).</summary>
    public static readonly StrategyUnderlying Spx = new("SPX", 1451.19, isBroadBasedIndex: true);

    public static StrategyUnderlying Equity(double spot) => new("XYZ", spot, isBroadBasedIndex: false);

    public static UnderlyingStrategyMargin Pair(StrategyUnderlying underlying, params StrategyLeg[] legs) =>
        StrategyPairing.Optimize(legs, underlying, Parameters);

    /// <summary>The strategies found, as "type×units", in the order reported.</summary>
    public static string[] Shapes(UnderlyingStrategyMargin result) =>
        result.Strategies.Select(s => $"{s.TypeName}x{s.Multiplicity}").ToArray();
}
