namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// One holding as the strategy rules see it: a signed quantity (contracts for options and futures, shares for
/// spot), the underlying units one of them stands for (100 for a standard option; 0.1 for a SPY share held
/// against SPX options), and the unit price per underlying unit (the option premium, the spot, the futures
/// price). Strike is set for options only; expiry for options and dated futures.
/// </summary>
public sealed record StrategyLeg
{
    public StrategyLeg(LegKind kind, double quantity, double multiplier, double unitPrice, double strike = 0.0, DateOnly expiry = default)
    {
        StrategyGuard.Finite(quantity, nameof(Quantity));
        StrategyGuard.Positive(multiplier, nameof(Multiplier));
        StrategyGuard.NonNegative(unitPrice, nameof(UnitPrice));
        if (kind is LegKind.Call or LegKind.Put)
        {
            StrategyGuard.Positive(strike, nameof(Strike));
        }
        else if (strike != 0.0)
        {
            throw new ArgumentException($"{nameof(Strike)} is for options only; a {kind} leg has none.", nameof(strike));
        }

        Kind = kind;
        Quantity = quantity;
        Multiplier = multiplier;
        UnitPrice = unitPrice;
        Strike = strike;
        Expiry = expiry;
    }

    public LegKind Kind { get; }

    /// <summary>Signed: positive long, negative short. Contracts for options and futures, shares for spot.</summary>
    public double Quantity { get; }

    /// <summary>Underlying units per contract (or per share for spot).</summary>
    public double Multiplier { get; }

    /// <summary>Premium, spot or futures price per underlying unit.</summary>
    public double UnitPrice { get; }

    public double Strike { get; }

    public DateOnly Expiry { get; }

    public bool IsOption => Kind is LegKind.Call or LegKind.Put;

    public static StrategyLeg Call(double contracts, double strike, DateOnly expiry, double premiumPerUnit, double multiplier = 100.0) =>
        new(LegKind.Call, contracts, multiplier, premiumPerUnit, strike, expiry);

    public static StrategyLeg Put(double contracts, double strike, DateOnly expiry, double premiumPerUnit, double multiplier = 100.0) =>
        new(LegKind.Put, contracts, multiplier, premiumPerUnit, strike, expiry);

    public static StrategyLeg Spot(double shares, double pricePerUnit, double multiplier = 1.0) =>
        new(LegKind.Spot, shares, multiplier, pricePerUnit);

    public static StrategyLeg Future(double contracts, double futuresPricePerUnit, double multiplier, DateOnly expiry = default) =>
        new(LegKind.Future, contracts, multiplier, futuresPricePerUnit, 0.0, expiry);

    /// <summary>The same instrument with another signed quantity.</summary>
    public StrategyLeg WithQuantity(double quantity) => new(Kind, quantity, Multiplier, UnitPrice, Strike, Expiry);
}
