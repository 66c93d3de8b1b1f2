namespace PortfolioMargin.Core.Input;

/// <summary>
/// How far an input may go before it is a typing or units error rather than a market (docs/formats.md,
/// "Plausibility bounds"): a vol of 25 meant as 25 %, a rate in basis points, a quantity with the decimal point
/// lost. Left in, such a value overflows double precision somewhere in the revaluation and a NaN or ∞ reaches the
/// margin. The bounds are far outside anything traded, so no real book is refused. Each check returns the problem,
/// worded to follow "field 'x': ", or null when the value is plausible; every reader (CSV, Parquet, JSON, grain
/// calls, intraday ticks) applies the same ones.
/// </summary>
public static class PlausibilityBounds
{
    /// <summary>Continuously compounded annual rate and dividend yield, as fractions: ±1 is ±100 % a year.</summary>
    public const double MaxAbsRate = 1.0;

    /// <summary>Annualized ATM implied vol and vol of vol, as fractions: 10 is 1,000 %.</summary>
    public const double MaxVol = 10.0;

    /// <summary>Skew and smile coefficients of the vol smile (vol per unit of k and of k²).</summary>
    public const double MaxAbsSmileCoefficient = 10.0;

    /// <summary>Spot and strike, in the settlement currency.</summary>
    public const double MaxPrice = 1e12;

    /// <summary>Contracts or units in one position or holding, either sign.</summary>
    public const double MaxQuantity = 1e12;

    /// <summary>Units of the underlying per contract.</summary>
    public const double MaxMultiplier = 1e9;

    /// <summary>|quantity × multiplier × spot| of one position, or the value of one collateral holding, in the currency.</summary>
    public const double MaxNotional = 1e15;

    public static string? Rate(double rate) => Within(rate, MaxAbsRate, "a continuously compounded annual rate, 0.05 for 5 %");

    public static string? DividendYield(double yield) => Within(yield, MaxAbsRate, "a continuous annual yield, 0.02 for 2 %");

    public static string? AtmVol(double vol) =>
        vol > 0 && vol <= MaxVol ? null : $"is {vol}, must be in (0, {MaxVol}] (an annualized vol as a fraction, 0.25 for 25 %)";

    public static string? VolOfVol(double volOfVol) =>
        volOfVol >= 0 && volOfVol <= MaxVol ? null : $"is {volOfVol}, must be in [0, {MaxVol}]";

    public static string? SmileCoefficient(double coefficient) => Within(coefficient, MaxAbsSmileCoefficient, "a vol smile coefficient");

    public static string? SpotVolCorrelation(double correlation) =>
        correlation is >= -1 and <= 1 ? null : $"is {correlation}, must be in [-1, 1]";

    /// <summary>
    /// The first field of an underlying past its bound, in the order the market file's reader checks them, for
    /// markets that arrive whole (a grain call) rather than field by field from a file.
    /// </summary>
    public static (string Field, string Problem)? UnderlyingProblem(Market.Underlying u)
    {
        (string Field, string? Problem)[] checks =
        [
            ("spot", Price(u.Spot)), ("dividendYield", DividendYield(u.DividendYield)), ("atmVol", AtmVol(u.AtmVol)),
            ("volOfVol", VolOfVol(u.VolOfVol)), ("spotVolCorrelation", SpotVolCorrelation(u.SpotVolCorrelation)),
            ("skew", SmileCoefficient(u.Skew)), ("smile", SmileCoefficient(u.Smile)),
        ];
        foreach (var (field, problem) in checks)
        {
            if (problem is not null)
            {
                return (field, problem);
            }
        }

        return null;
    }

    public static string? Price(double price) =>
        price > 0 && price <= MaxPrice ? null : $"is {price}, must be in (0, {MaxPrice:0e0}]";

    public static string? Quantity(double quantity) => Within(quantity, MaxQuantity, "contracts or units");

    public static string? Multiplier(double multiplier) =>
        multiplier > 0 && multiplier <= MaxMultiplier ? null : $"is {multiplier}, must be in (0, {MaxMultiplier:0e0}]";

    /// <summary>A position's notional: quantity × multiplier × the underlying's spot.</summary>
    public static string? Notional(double quantity, double multiplier, double spot)
    {
        var notional = Math.Abs(quantity * multiplier * spot);
        return notional <= MaxNotional ? null : $"gives a notional of {notional:0.###e0} (quantity × multiplier × spot {spot}), above the plausible {MaxNotional:0e0}";
    }

    /// <summary>A collateral holding's value: amount × the asset's spot (1 for cash).</summary>
    public static string? HoldingValue(double amount, double price)
    {
        var value = Math.Abs(amount * price);
        return value <= MaxNotional ? null : $"is worth {value:0.###e0}, above the plausible {MaxNotional:0e0}";
    }

    private static string? Within(double value, double bound, string what) =>
        Math.Abs(value) <= bound ? null : $"is {value}, must be within ±{bound} ({what})";
}
