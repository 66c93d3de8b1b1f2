using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Naked short options: docs/test-vectors.md §5.2 rows 1–6 and 30, and the edge cases of §5.3.</summary>
public sealed class NakedShortRuleTests
{
    [Fact]
    public void Naked_short_call_charges_premium_plus_twenty_percent_less_out_of_the_money()
    {
        // Row 1 [TW-CALL]: S = 65, sell 1 × 68 C @ 1.50: (13 − 3 + 1.50) × 100 = $1,150; $1,000 after the premium.
        var requirement = NakedShortRules.NakedShortCall(65.0, 68.0, 1.50, 100.0, 1.0, isBroadBasedIndex: false);

        Assert.Equal(1_150.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(1_000.0, requirement.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(150.0, requirement.ShortProceeds, Tolerance);

        // The 10% branch would give (6.50 + 1.50) × 100 = $800, less than the 20% branch, so it does not bind.
        Assert.True((0.10 * 65.0 + 1.50) * 100.0 < requirement.RequirementIncludingPremium);
    }

    [Fact]
    public void Naked_short_put_charges_premium_plus_twenty_percent_less_out_of_the_money_floored_at_ten_percent_of_strike()
    {
        // Row 2 [EDELTA]: S = 209, sell 1 × 200 P @ 1.20: (41.80 − 9 + 1.20) × 100 = $3,400; $3,280 after proceeds;
        // the floor (20 + 1.20) × 100 = $2,120 does not bind.
        var requirement = NakedShortRules.NakedShortPut(209.0, 200.0, 1.20, 100.0, 1.0, isBroadBasedIndex: false);

        Assert.Equal(3_400.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(3_280.0, requirement.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(2_120.0, (0.10 * 200.0 + 1.20) * 100.0, Tolerance);
    }

    [Fact]
    public void Cboe_naked_call_requirement_excludes_the_premium()
    {
        // Row 3 [CBOE-2007]: IBM 97.73, sell 100 × Apr 100 C @ 1.68: (19.546 − 2.27) × 10,000 = $172,760, $189,560 with premium.
        var requirement = NakedShortRules.NakedShortCall(97.73, 100.0, 1.68, 100.0, 100.0, isBroadBasedIndex: false);

        Assert.Equal(172_760.0, requirement.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(189_560.0, requirement.RequirementIncludingPremium, Tolerance);
    }

    [Fact]
    public void In_the_money_short_put_gets_no_out_of_the_money_deduction()
    {
        // Row 4 [CBOE-2007]: IBM 97.73, sell 100 × Apr 100 P @ 3.18: 19.546 × 10,000 = $195,460, $227,260 with premium.
        var requirement = NakedShortRules.NakedShortPut(97.73, 100.0, 3.18, 100.0, 100.0, isBroadBasedIndex: false);

        Assert.Equal(195_460.0, requirement.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(227_260.0, requirement.RequirementIncludingPremium, Tolerance);
    }

    [Fact]
    public void Broad_based_index_short_call_uses_fifteen_percent()
    {
        // Row 5 [CBOE-2007]: SPX 1451.19, sell 100 × Apr 1460 C @ 21.66: (217.6785 − 8.81) × 10,000 = $2,088,685.
        var requirement = NakedShortRules.NakedShortCall(1451.19, 1460.0, 21.66, 100.0, 100.0, isBroadBasedIndex: true);

        Assert.Equal(2_088_685.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Broad_based_index_in_the_money_short_put_uses_fifteen_percent_of_spot()
    {
        // Row 6 [CBOE-2007]: SPX 1451.19, sell 100 × Apr 1460 P @ 22.55: 217.6785 × 10,000 = $2,176,785.
        var requirement = NakedShortRules.NakedShortPut(1451.19, 1460.0, 22.55, 100.0, 100.0, isBroadBasedIndex: true);

        Assert.Equal(2_176_785.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Index_short_call_takes_the_fifteen_percent_branch_when_it_exceeds_ten_percent()
    {
        // Row 30 [IDX-RULES]: SPX 4000, sell 1 × 4100 C @ 20: max(600 − 100, 400) + 20 = 520 → $52,000 with premium.
        var requirement = NakedShortRules.NakedShortCall(4000.0, 4100.0, 20.0, 100.0, 1.0, isBroadBasedIndex: true);

        Assert.Equal(52_000.0, requirement.RequirementIncludingPremium, Tolerance);
    }

    [Fact]
    public void Equity_short_call_charges_twenty_percent_where_an_index_charges_fifteen()
    {
        // Row 30's inputs on an equity: max(800 − 100, 400) + 20 = 720 → $72,000; the index pays $52,000.
        var equity = NakedShortRules.NakedShortCall(4000.0, 4100.0, 20.0, 100.0, 1.0, isBroadBasedIndex: false);
        var index = NakedShortRules.NakedShortCall(4000.0, 4100.0, 20.0, 100.0, 1.0, isBroadBasedIndex: true);

        Assert.Equal(72_000.0, equity.RequirementIncludingPremium, Tolerance);
        Assert.Equal(20_000.0, equity.RequirementIncludingPremium - index.RequirementIncludingPremium, Tolerance);
    }

    [Fact]
    public void Call_out_of_the_money_by_exactly_ten_percent_ties_both_branches()
    {
        // S = 100, K = 110: 20 − 10 = 10 = 10% × 100; both branches give (1 + 10) × 100.
        var requirement = NakedShortRules.NakedShortCall(100.0, 110.0, 1.0, 100.0, 1.0, isBroadBasedIndex: false);

        Assert.Equal(1_100.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(1_000.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Put_at_the_tie_between_twenty_percent_less_out_of_the_money_and_ten_percent_of_strike()
    {
        // S = 90, K = 80: 18 − 10 = 8 = 10% × 80; both branches give (0.50 + 8) × 100.
        var requirement = NakedShortRules.NakedShortPut(90.0, 80.0, 0.50, 100.0, 1.0, isBroadBasedIndex: false);

        Assert.Equal(850.0, requirement.RequirementIncludingPremium, Tolerance);
    }

    [Fact]
    public void Deep_out_of_the_money_call_is_floored_at_ten_percent_of_spot()
    {
        // S = 100, K = 150: 20 − 50 < 10, so premium + 10 per share.
        var requirement = NakedShortRules.NakedShortCall(100.0, 150.0, 0.05, 100.0, 3.0, isBroadBasedIndex: false);

        Assert.Equal((0.05 + 10.0) * 300.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(3_000.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Deep_out_of_the_money_put_is_floored_at_ten_percent_of_strike()
    {
        // S = 100, K = 50: 20 − 50 < 5, so premium + 10% × 50 per share.
        var requirement = NakedShortRules.NakedShortPut(100.0, 50.0, 0.02, 100.0, 1.0, isBroadBasedIndex: false);

        Assert.Equal(500.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Pairing_leaves_a_lone_short_option_naked()
    {
        var result = Pair(Ibm, StrategyLeg.Call(-100, 100.0, April, 1.68));

        Assert.Equal(["naked_short_callx100"], Shapes(result));
        Assert.Equal(172_760.0, result.Total.RequirementExcludingProceeds, Tolerance);
        Assert.True(result.ProvenOptimal);
    }
}
