namespace PortfolioMargin.Core.Market;

/// <summary>
/// Everything the engine needs to know about the market at one instant: spots, ATM vols and smiles,
/// the continuously compounded rate, and the spot-return correlation matrix (ordered as <see cref="Underlyings"/>).
/// </summary>
public sealed record MarketSnapshot(
    DateTimeOffset AsOf,
    string Currency,
    double Rate,
    IReadOnlyList<Underlying> Underlyings,
    double[,] Correlation)
{
    /// <summary>The calendar date that year fractions count from (ACT/365).</summary>
    public DateOnly AsOfDate => DateOnly.FromDateTime(AsOf.UtcDateTime);

    public int IndexOf(string underlyingId)
    {
        for (var i = 0; i < Underlyings.Count; i++)
        {
            if (string.Equals(Underlyings[i].Id, underlyingId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Underlying id → index, for callers that look up many positions (IndexOf is a linear scan).</summary>
    public Dictionary<string, int> IndexById()
    {
        var index = new Dictionary<string, int>(Underlyings.Count, StringComparer.Ordinal);
        for (var i = 0; i < Underlyings.Count; i++)
        {
            index[Underlyings[i].Id] = i;
        }

        return index;
    }

    /// <summary>An uncorrelated identity matrix of the given size, for snapshots without a correlation block.</summary>
    public static double[,] Identity(int size)
    {
        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            matrix[i, i] = 1.0;
        }

        return matrix;
    }
}
