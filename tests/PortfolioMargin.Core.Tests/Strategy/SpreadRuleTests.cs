using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Spreads, condors, butterflies, calendars and ratio spreads: docs/test-vectors.md §5.2 rows 13–16 and 19–29.</summary>
public sealed class SpreadRuleTests
{
    [Fact]
    public void Debit_vertical_needs_only_its_net_debit()
    {
        // Row 13 [CBOE-2007]: long 100 × 95 C @ 4.53, short 100 × 105 C @ 0.40: (4.53 − 0.40) × 10,000 = $41,300.
        var rule = SpreadRules.Vertical(LegKind.Call, 105.0, 0.40, 95.0, 4.53, 100.0, 100.0);
        var paired = Pair(Ibm, StrategyLeg.Call(100, 95.0, April, 4.53), StrategyLeg.Call(-100, 105.0, April, 0.40));

        Assert.Equal(0.0, rule.Margin);
        Assert.Equal(41_300.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["debit_verticalx100"], Shapes(paired));
        Assert.Equal(41_300.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Index_debit_vertical_needs_only_its_net_debit()
    {
        // Row 14 [CBOE-2007]: long 100 SPX 1450 C @ 27.57, short 100 SPX 1500 C @ 5.96: $216,100.
        var paired = Pair(Spx, StrategyLeg.Call(100, 1450.0, April, 27.57), StrategyLeg.Call(-100, 1500.0, April, 5.96));

        Assert.Equal(216_100.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_straddle_pays_both_premiums_which_is_48600_not_the_printed_48500()
    {
        // Row 15 [CBOE-2007]: long 100 × 100 P @ 3.18 + 100 × 100 C @ 1.68 = (3.18 + 1.68) × 10,000 = $48,600; the table
        // prints $48,500, a misprint (docs/test-vectors.md §5.2).
        var paired = Pair(Ibm, StrategyLeg.Put(100, 100.0, April, 3.18), StrategyLeg.Call(100, 100.0, April, 1.68));

        Assert.Equal(48_600.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_straddle_strategy_requirement_carries_no_per_contract_minimum()
    {
        // Row 16 [CBOE-2007][FID-MIN]: portfolio margin charges the same straddle its $37.50-a-contract minimum,
        // 200 × 37.50 = $7,500. That minimum belongs to the portfolio-margin requirement (Margin/MarginRequirement's
        // minimum charge), not to a strategy rule; the strategy book reports the contracts it would be applied to.
        var paired = Pair(Ibm, StrategyLeg.Put(100, 100.0, April, 3.18), StrategyLeg.Call(100, 100.0, April, 1.68));
        var optionContracts = paired.Strategies.Sum(s => s.Multiplicity * s.LegsPerUnit.Where(l => l.IsOption).Sum(l => Math.Abs(l.Quantity)));

        Assert.Equal(7_500.0, optionContracts * 37.50, Tolerance);
        Assert.Equal(48_600.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Credit_vertical_needs_its_width_with_the_long_paid_and_the_credit_applied()
    {
        // Row 19 [EDELTA]: long 1 × 120 P @ 0.80, short 1 × 125 P @ 1.24: width 500 + long 80 = $580; $456 after proceeds.
        var rule = SpreadRules.Vertical(LegKind.Put, 125.0, 1.24, 120.0, 0.80, 100.0, 1.0);
        var paired = Pair(Equity(130.0), StrategyLeg.Put(1, 120.0, April, 0.80), StrategyLeg.Put(-1, 125.0, April, 1.24));

        Assert.Equal(500.0, rule.Margin, Tolerance);
        Assert.Equal(580.0, rule.RequirementIncludingPremium, Tolerance);
        Assert.Equal(456.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["credit_verticalx1"], Shapes(paired));
        Assert.Equal(456.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Iron_condor_needs_one_spread_width()
    {
        // Row 22 [TW-IC]: 2 × (+50 P @ 0.80, −53 P @ 1.25, −67 C @ 2.00, +70 C @ 0.75): 3 × 100 × 2 = $600.
        var rule = SpreadRules.IronCondor(50.0, 0.80, 53.0, 1.25, 67.0, 2.00, 70.0, 0.75, 100.0, 2.0);
        var paired = Pair(
            Equity(60.0),
            StrategyLeg.Put(2, 50.0, April, 0.80),
            StrategyLeg.Put(-2, 53.0, April, 1.25),
            StrategyLeg.Call(-2, 67.0, April, 2.00),
            StrategyLeg.Call(2, 70.0, April, 0.75));

        Assert.Equal(600.0, rule.Margin, Tolerance);
        Assert.Equal(["iron_condorx2"], Shapes(paired));
        Assert.Equal(600.0, paired.Total.Margin, Tolerance);
        Assert.Equal(600.0 + 310.0 - 650.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Iron_condor_of_ten_point_wings_on_spy()
    {
        // Row 23 [IB-IC]: 10 × (+160 P, −170 P, −180 C, +190 C): 10 × 10 × 100 = $10,000. The source gives no
        // premiums; the margin does not depend on them.
        var rule = SpreadRules.IronCondor(160.0, 0.50, 170.0, 1.50, 180.0, 1.40, 190.0, 0.45, 100.0, 10.0);

        Assert.Equal(10_000.0, rule.Margin, Tolerance);
    }

    [Fact]
    public void Iron_condor_of_unequal_widths_needs_the_wider()
    {
        var rule = SpreadRules.IronCondor(45.0, 0.30, 50.0, 1.00, 60.0, 1.00, 62.0, 0.40, 100.0, 1.0);

        Assert.Equal(500.0, rule.Margin, Tolerance);
    }

    [Fact]
    public void Iron_condor_legged_out_keeps_the_remaining_spread_width()
    {
        // Row 24 [OAI-IC]: 1-point wings sold for 0.45 in all: requirement $100, funds needed 100 − 45 = $55. Premiums
        // per leg are not given; any that net 0.45 do. Buying one side back for 0.05 leaves one credit spread, still
        // $100, against 0.45 − 0.05 of credit: $60.
        var condor = SpreadRules.IronCondor(98.0, 0.10, 99.0, 0.30, 101.0, 0.35, 102.0, 0.10, 100.0, 1.0);
        var remaining = SpreadRules.Vertical(LegKind.Call, 101.0, 0.35, 102.0, 0.10, 100.0, 1.0);

        Assert.Equal(100.0, condor.Margin, Tolerance);
        Assert.Equal(55.0, condor.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(100.0, remaining.Margin, Tolerance);
        Assert.Equal(60.0, remaining.Margin - ((0.45 - 0.05) * 100.0), Tolerance);
    }

    [Fact]
    public void Long_butterfly_needs_only_its_net_debit()
    {
        // Row 25 [TW-LBF]: +4 × 40 C @ 12.50, −8 × 50 C @ 6.00, +4 × 60 C @ 1.50: $800 net debit.
        var rule = SpreadRules.LongButterfly(12.50, 6.00, 1.50, 100.0, 4.0);
        var paired = Pair(
            Equity(50.0),
            StrategyLeg.Call(4, 40.0, April, 12.50),
            StrategyLeg.Call(-8, 50.0, April, 6.00),
            StrategyLeg.Call(4, 60.0, April, 1.50));

        Assert.Equal(800.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["long_butterflyx4"], Shapes(paired));
        Assert.Equal(800.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Short_butterfly_needs_its_credit_spread_width()
    {
        // Row 26 [TW-SBF]: −3 × 75 P @ 1.50, +6 × 80 P @ 4.00, −3 × 85 P @ 6.00: 5 × 100 × 3 = $1,500.
        var rule = SpreadRules.ShortButterfly(1.50, 4.00, 6.00, 5.0, 100.0, 3.0);
        var paired = Pair(
            Equity(80.0),
            StrategyLeg.Put(-3, 75.0, April, 1.50),
            StrategyLeg.Put(6, 80.0, April, 4.00),
            StrategyLeg.Put(-3, 85.0, April, 6.00));

        Assert.Equal(1_500.0, rule.Margin, Tolerance);
        Assert.Equal(["short_butterflyx3"], Shapes(paired));
        Assert.Equal(1_500.0, paired.Total.Margin, Tolerance);
        Assert.Equal(rule.RequirementExcludingProceeds, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Short_butterfly_quoted_with_its_debit_spread_adds_that_spread_net_debit()
    {
        // Row 27 [OH-SPBF]: −6 × 42 P @ 0.90, +12 × 37 P @ 0.15, −6 × 32 P @ 0.05: credit spread 3,000 plus the debit
        // spread's (0.15 − 0.05) × 600 = 60 → $3,060.
        var butterfly = SpreadRules.ShortButterfly(0.05, 0.15, 0.90, 5.0, 100.0, 6.0);
        var debitPart = SpreadRules.Vertical(LegKind.Put, 32.0, 0.05, 37.0, 0.15, 100.0, 6.0);

        Assert.Equal(3_000.0, butterfly.Margin, Tolerance);
        Assert.Equal(3_060.0, butterfly.Margin + debitPart.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_calendar_needs_only_its_net_debit()
    {
        // Row 28 [TW-CAL]: +4 Jun 43 C @ 3.00, −4 Mar 43 C @ 1.00: $800.
        var paired = Pair(Equity(43.0), StrategyLeg.Call(4, 43.0, June, 3.00), StrategyLeg.Call(-4, 43.0, March, 1.00));

        Assert.Equal(["long_calendarx4"], Shapes(paired));
        Assert.Equal(800.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Long_that_expires_before_the_short_does_not_cover_it()
    {
        var paired = Pair(Equity(43.0), StrategyLeg.Call(4, 43.0, March, 1.00), StrategyLeg.Call(-4, 43.0, June, 3.00));

        Assert.Equal(["long_callx4", "naked_short_callx4"], Shapes(paired));
    }

    [Fact]
    public void Ratio_spread_is_a_spread_plus_the_excess_short_naked_with_the_credit_applied()
    {
        // Row 29 [MCM-RATIO]: S = 44, 1 × 2 call ratio spread: the naked 45 C @ 3 needs 880 + 300 − 100 = $1,080; the net
        // credit of 1 applied leaves $980. The source gives only the credit; a long 43 C @ 5.00 against two 45 C @ 3.00 has it.
        var paired = Pair(Equity(44.0), StrategyLeg.Call(1, 43.0, April, 5.00), StrategyLeg.Call(-2, 45.0, April, 3.00));
        var naked = paired.Strategies.Single(s => s.TypeName == StrategyTypeNames.NakedShortCall);

        Assert.Equal(["debit_verticalx1", "naked_short_callx1"], Shapes(paired));
        Assert.Equal(1_080.0, naked.Requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(980.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Credit_spread_wider_than_the_naked_requirement_is_left_naked()
    {
        // S = 100: a short 100 C @ 5 naked needs 2,500; against a long 140 C the width is 4,000, so pairing would cost more.
        var paired = Pair(Equity(100.0), StrategyLeg.Call(-1, 100.0, April, 5.0), StrategyLeg.Call(1, 140.0, April, 0.10));

        Assert.Equal(["naked_short_callx1", "long_callx1"], Shapes(paired));
        Assert.Equal(2_510.0, paired.Total.RequirementIncludingPremium, Tolerance);
    }
}
