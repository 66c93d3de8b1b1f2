using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Options against stock, and long/short combinations without offset: docs/test-vectors.md §5.2 rows 7–12 [CBOE-2007].</summary>
public sealed class CoveredRuleTests
{
    [Fact]
    public void Covered_call_needs_the_stock_requirement_less_the_call_proceeds()
    {
        // Row 7: long 10,000 IBM @ 97.73, short 100 × Apr 100 C @ 1.68: 50% × 977,300 − 16,800 = $471,850.
        var rule = CoveredRules.CoveredCall(97.73, 100.0, 1.68, 100.0, 100.0);
        var paired = Pair(Ibm, StrategyLeg.Spot(10_000, 97.73), StrategyLeg.Call(-100, 100.0, April, 1.68));

        Assert.Equal(471_850.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(488_650.0, rule.RequirementIncludingPremium, Tolerance);
        Assert.Equal(["covered_callx100"], Shapes(paired));
        Assert.Equal(471_850.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Index_call_covered_by_an_index_fund_counts_the_fund_in_index_units()
    {
        // Row 8: long 100,000 SPY @ 145.30 against short 100 SPX 1460 C @ 21.66: 7,265,000 − 216,600 = $7,048,400.
        // A SPY share is a tenth of an SPX unit, so the caller passes it as a spot leg of multiplier 0.1 at 1453.0.
        var rule = CoveredRules.CoveredCall(1453.0, 1460.0, 21.66, 100.0, 100.0);
        var paired = Pair(Spx, StrategyLeg.Spot(100_000, 1453.0, multiplier: 0.1), StrategyLeg.Call(-100, 1460.0, April, 21.66));

        Assert.Equal(7_048_400.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["covered_callx100"], Shapes(paired));
        Assert.Equal(7_048_400.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void In_the_money_covered_call_values_the_stock_at_no_more_than_the_strike()
    {
        // S = 110 over K = 100: loan value 50% × 100, so the stock needs 110 − 50 = 60 a share rather than 55.
        var requirement = CoveredRules.CoveredCall(110.0, 100.0, 11.0, 100.0, 1.0);

        Assert.Equal(6_000.0, requirement.RequirementIncludingPremium, Tolerance);
        Assert.Equal(4_900.0, requirement.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Protective_put_adds_the_put_paid_in_full_to_the_stock_requirement()
    {
        // Row 9: long 10,000 IBM @ 97.73, long 100 × 95 P @ 1.02: 488,650 + 10,200 = $498,850.
        var rule = CoveredRules.ProtectivePut(97.73, 1.02, 100.0, 100.0, April, Valuation);
        var paired = Pair(Ibm, StrategyLeg.Spot(10_000, 97.73), StrategyLeg.Put(100, 95.0, April, 1.02));

        Assert.Equal(498_850.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["protective_putx100"], Shapes(paired));
        Assert.Equal(498_850.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Collar_is_a_covered_call_plus_the_put_paid()
    {
        // Row 10: row 9 + short 100 × 105 C @ 0.40: 488,650 + 10,200 − 4,000 = $494,850.
        var rule = CoveredRules.Collar(97.73, 1.02, 105.0, 0.40, 100.0, 100.0, April, Valuation);
        var paired = Pair(
            Ibm, StrategyLeg.Spot(10_000, 97.73), StrategyLeg.Put(100, 95.0, April, 1.02), StrategyLeg.Call(-100, 105.0, April, 0.40));

        Assert.Equal(494_850.0, rule.RequirementExcludingProceeds, Tolerance);
        Assert.Equal(["collarx100"], Shapes(paired));
        Assert.Equal(494_850.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Synthetic_long_is_the_call_paid_plus_the_put_naked()
    {
        // Row 11: long 100 × 100 C @ 1.68, short 100 × 100 P @ 3.18: 16,800 + 195,460 = $212,260.
        var paired = Pair(Ibm, StrategyLeg.Call(100, 100.0, April, 1.68), StrategyLeg.Put(-100, 100.0, April, 3.18));

        Assert.Equal(["long_callx100", "naked_short_putx100"], Shapes(paired));
        Assert.Equal(212_260.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Risk_reversal_is_the_put_paid_plus_the_call_naked()
    {
        // Row 12: long 100 × 95 P @ 1.02, short 100 × 105 C @ 0.40: 10,200 + (19.546 − 7.27) × 10,000 = $132,960.
        var paired = Pair(Ibm, StrategyLeg.Put(100, 95.0, April, 1.02), StrategyLeg.Call(-100, 105.0, April, 0.40));

        Assert.Equal(132_960.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }
}
