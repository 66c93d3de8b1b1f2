namespace PortfolioMargin.Core.Risk;

/// <summary>
/// Order statistics behind VaR and ES over N losses at confidence α: VaR is the ⌈αN⌉-th smallest loss and ES
/// the mean of the ⌈(1−α)N⌉ largest. The products are rounded with a tolerance because 0.99·N is not exact in
/// binary: 1 − 0.99 is 0.010000000000000009, and ⌈100.0000000000001⌉ would be 101.
/// </summary>
public readonly record struct TailRanks(int PathCount, int VarRank, int TailCount)
{
    public static TailRanks For(int pathCount, double confidence)
    {
        if (pathCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pathCount), "at least one path is needed");
        }

        // Binary rounding of α·N is about 1e-16·N; the slack must absorb that and nothing larger.
        var slack = 1e-12 * Math.Max(1, pathCount);
        var varRank = (int)Math.Ceiling(confidence * pathCount - slack);
        var tailCount = (int)Math.Ceiling((1.0 - confidence) * pathCount - slack);
        return new TailRanks(pathCount, Math.Clamp(varRank, 1, pathCount), Math.Clamp(tailCount, 1, pathCount));
    }

    /// <summary>First 0-based index of the tail in ascending order.</summary>
    public int TailStart => PathCount - TailCount;
}
