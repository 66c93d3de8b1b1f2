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

    /// <summary>
    /// The snapshot over the underlyings at <paramref name="indices"/>, in that order, with the principal submatrix
    /// of the correlation: the factor model of a run (<see cref="FactorSet"/>). This same snapshot when the indices
    /// are all of its underlyings in order, so nothing changes, not even a bit, for a book that uses them all.
    /// </summary>
    public MarketSnapshot Restrict(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (FactorSet.IsWhole(indices, Underlyings.Count))
        {
            return this;
        }

        var correlation = new double[indices.Count, indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            for (var j = 0; j < indices.Count; j++)
            {
                correlation[i, j] = Correlation[indices[i], indices[j]];
            }
        }

        return this with { Underlyings = [.. indices.Select(u => Underlyings[u])], Correlation = correlation };
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
