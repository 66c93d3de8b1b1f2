using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>VaR is the ⌈αN⌉-th smallest loss and ES the mean of the ⌈(1−α)N⌉ largest.</summary>
public class TailRanksTests
{
    [Theory]
    [InlineData(10_000, 0.99, 9_900, 100)]
    [InlineData(1_001, 0.99, 991, 11)]
    [InlineData(5, 0.75, 4, 2)]
    [InlineData(5, 0.95, 5, 1)]
    [InlineData(100_000, 0.975, 97_500, 2_500)]
    [InlineData(1, 0.99, 1, 1)]
    public void Ranks_are_the_ceilings_of_alpha_N_and_one_minus_alpha_N(int pathCount, double confidence, int varRank, int tailCount)
    {
        var ranks = TailRanks.For(pathCount, confidence);

        Assert.Equal(varRank, ranks.VarRank);
        Assert.Equal(tailCount, ranks.TailCount);
        Assert.Equal(pathCount - tailCount, ranks.TailStart);
    }

    /// <summary>
    /// (1−α)N = 10.0001 and 1000.001: the fractions are real, not binary rounding (which is ~1e-16·N), so the
    /// tail holds 11 and 1001 losses.
    /// </summary>
    [Theory]
    [InlineData(100_001, 0.9999, 99_991, 11)]
    [InlineData(1_000_001, 0.999, 999_001, 1_001)]
    public void Tail_count_is_the_ceiling_even_when_the_fraction_is_tiny(int pathCount, double confidence, int varRank, int tailCount)
    {
        var ranks = TailRanks.For(pathCount, confidence);

        Assert.Equal(varRank, ranks.VarRank);
        Assert.Equal(tailCount, ranks.TailCount);
    }

    [Fact]
    public void Non_positive_path_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TailRanks.For(0, 0.99));
    }
}
