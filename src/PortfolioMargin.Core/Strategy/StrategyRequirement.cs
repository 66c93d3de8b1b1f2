namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// A strategy-based requirement in dollars, split the way the sources quote it.
/// <see cref="Margin"/> is the rule's own charge: 50% of long stock, 150% of short stock, premium + 20% − OTM on a
/// naked short, the strike width of a credit spread, the covering stock's charge in a covered call.
/// <see cref="LongPremiumPaid"/> is what the rules make the customer pay for long options (100%, or 75% for a long
/// option with more than nine months to run). <see cref="ShortProceeds"/> is what the shorts brought in (option
/// premium, short-sale value), which Reg T lets the customer apply.
/// </summary>
public readonly record struct StrategyRequirement(double Margin, double LongPremiumPaid, double ShortProceeds)
{
    public static readonly StrategyRequirement Zero = new(0.0, 0.0, 0.0);

    /// <summary>
    /// Margin + long premium paid: what [TW-*], [EDELTA] and [MCM-RATIO] quote as "the requirement"
    /// (e.g. $1,150 on a naked call, $580 on a credit put spread).
    /// </summary>
    public double RequirementIncludingPremium => Margin + LongPremiumPaid;

    /// <summary>
    /// The requirement with the short proceeds applied, as the Cboe (2007) table states it; the equity the account
    /// must hold on top of its marked-to-market positions, so it is what the engine reports as strategy_margin.
    /// </summary>
    public double RequirementExcludingProceeds => Margin + LongPremiumPaid - ShortProceeds;

    public static StrategyRequirement operator +(StrategyRequirement left, StrategyRequirement right) =>
        new(left.Margin + right.Margin, left.LongPremiumPaid + right.LongPremiumPaid, left.ShortProceeds + right.ShortProceeds);

    /// <summary>The requirement of <paramref name="units"/> copies.</summary>
    public StrategyRequirement Times(double units) => new(Margin * units, LongPremiumPaid * units, ShortProceeds * units);
}
