namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// One strategy the pairing formed for an account's holdings in one underlying, flat for strategies.parquet and
/// the wire: its stable type name, its legs per unit as text ("+1 call 100 2027-01-15 ×100; −1 call 105 …"),
/// how many units, and the requirement of all of them (excluding short-option proceeds, the Cboe convention the
/// strategy_margin column uses). <see cref="ProvenOptimal"/> is false where the optimizer's work bound cut the
/// search for the underlying (the pairing is then the best found, still a valid requirement).
/// </summary>
public sealed record StrategyRow(
    string Account,
    string Underlying,
    string Strategy,
    string Legs,
    double Multiplicity,
    double Requirement,
    bool ProvenOptimal)
{
    public static IEnumerable<StrategyRow> Of(string account, UnderlyingStrategyMargin margin) =>
        margin.Strategies.Select(s => new StrategyRow(
            account, margin.Underlying, s.TypeName, LegsText(s.LegsPerUnit), s.Multiplicity,
            s.Requirement.RequirementExcludingProceeds, margin.ProvenOptimal));

    private static string LegsText(IReadOnlyList<StrategyLeg> legs) => string.Join("; ", legs.Select(leg =>
    {
        var quantity = leg.Quantity.ToString("+0.######;-0.######", System.Globalization.CultureInfo.InvariantCulture);
        var kind = leg.Kind.ToString().ToLowerInvariant();
        var terms = leg.IsOption
            ? $" {leg.Strike.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} {leg.Expiry:yyyy-MM-dd}"
            : leg.Kind == LegKind.Future && leg.Expiry != default ? $" {leg.Expiry:yyyy-MM-dd}" : "";
        return $"{quantity} {kind}{terms} x{leg.Multiplier.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
    }));
}
