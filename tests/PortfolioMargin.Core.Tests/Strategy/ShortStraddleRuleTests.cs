using PortfolioMargin.Core.Strategy;
using static PortfolioMargin.Core.Tests.Strategy.StrategyBooks;

namespace PortfolioMargin.Core.Tests.Strategy;

/// <summary>Short straddles and strangles: docs/test-vectors.md §5.2 rows 20–21.</summary>
public sealed class ShortStraddleRuleTests
{
    [Fact]
    public void Short_strangle_charges_the_greater_naked_side_plus_the_other_premium()
    {
        // Row 20 [TW-STRANGLE]: S = 45, sell 47 C @ 2.10 and 43 P @ 1.20: call side 910 > put side 820 → 910 + 120 = $1,030.
        var rule = ShortStraddleRules.ShortStraddle(45.0, 47.0, 2.10, 43.0, 1.20, 100.0, 1.0, isBroadBasedIndex: false);
        var paired = Pair(Equity(45.0), StrategyLeg.Call(-1, 47.0, April, 2.10), StrategyLeg.Put(-1, 43.0, April, 1.20));

        Assert.Equal(1_030.0, rule.RequirementIncludingPremium, Tolerance);
        Assert.Equal(["short_stranglex1"], Shapes(paired));
        Assert.Equal(1_030.0, paired.Total.RequirementIncludingPremium, Tolerance);
        Assert.Equal(1_030.0 - 330.0, paired.Total.RequirementExcludingProceeds, Tolerance);
    }

    [Fact]
    public void Short_straddle_with_the_call_in_the_money_charges_the_call_side_plus_the_put_premium()
    {
        // Row 21 [ET-STRADDLE]: S = 92.63, sell 90 C @ 7.00 and 90 P @ 3.70: call 25.526, put 19.596 → 29.226 a share, $2,922.60.
        var rule = ShortStraddleRules.ShortStraddle(92.63, 90.0, 7.00, 90.0, 3.70, 100.0, 1.0, isBroadBasedIndex: false);
        var paired = Pair(Equity(92.63), StrategyLeg.Call(-1, 90.0, April, 7.00), StrategyLeg.Put(-1, 90.0, April, 3.70));

        Assert.Equal(2_922.60, rule.RequirementIncludingPremium, Tolerance);
        Assert.Equal(["short_straddlex1"], Shapes(paired));
    }

    [Fact]
    public void Short_call_and_put_of_different_expiries_are_each_naked()
    {
        var paired = Pair(Equity(45.0), StrategyLeg.Call(-1, 47.0, April, 2.10), StrategyLeg.Put(-1, 43.0, June, 1.20));

        Assert.Equal(["naked_short_callx1", "naked_short_putx1"], Shapes(paired));
        Assert.Equal(1_730.0, paired.Total.RequirementIncludingPremium, Tolerance);
    }
}
