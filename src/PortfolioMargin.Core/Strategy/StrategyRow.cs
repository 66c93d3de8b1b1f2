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
    /// <param name="legTexts">Each distinct leg's text, formatted once: a big book's rows repeat a few thousand legs.</param>
    public static IEnumerable<StrategyRow> Of(string account, UnderlyingStrategyMargin margin, Dictionary<StrategyLeg, string>? legTexts = null) =>
        margin.Strategies.Select(s => new StrategyRow(
            account, margin.Underlying, s.TypeName, LegsText(s.LegsPerUnit, legTexts ?? []), s.Multiplicity,
            s.Requirement.RequirementExcludingProceeds, margin.ProvenOptimal));

    private static string LegsText(IReadOnlyList<StrategyLeg> legs, Dictionary<StrategyLeg, string> legTexts)
    {
        if (legs.Count == 1)
        {
            return LegText(legs[0], legTexts);
        }

        return string.Join("; ", legs.Select(leg => LegText(leg, legTexts)));
    }

    private static string LegText(StrategyLeg leg, Dictionary<StrategyLeg, string> legTexts)
    {
        if (legTexts.TryGetValue(leg, out var text))
        {
            return text;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var quantity = leg.Quantity.ToString("+0.######;-0.######", invariant);
        var kind = leg.Kind.ToString().ToLowerInvariant();
        var terms = leg.IsOption
            ? $" {leg.Strike.ToString("R", invariant)} {leg.Expiry.ToString("yyyy-MM-dd", invariant)}"
            : leg.Kind == LegKind.Future && leg.Expiry != default ? $" {leg.Expiry.ToString("yyyy-MM-dd", invariant)}" : "";
        return legTexts[leg] = $"{quantity} {kind}{terms} x{leg.Multiplier.ToString("R", invariant)}";
    }
}
