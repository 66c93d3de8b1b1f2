namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// An integer packing problem: choose integer multiplicities x_t ≥ 0 of items (candidate strategies) to maximise
/// Σ savings_t x_t subject to Σ_t use_it x_t ≤ capacity_i for every resource (a leg's contracts or shares).
/// <see cref="Use"/> is row-major, resources × items.
/// </summary>
internal sealed record PackingProblem(int Resources, int Items, double[] Capacity, double[] Savings, double[] Use)
{
    public double UseOf(int resource, int item) => Use[(resource * Items) + item];

    /// <summary>The most copies of an item the capacities allow on their own, in the LP (not rounded).</summary>
    public double FractionalUpperBound(int item)
    {
        var bound = double.PositiveInfinity;
        for (var i = 0; i < Resources; i++)
        {
            var use = UseOf(i, item);
            if (use > 0.0)
            {
                bound = Math.Min(bound, Capacity[i] / use);
            }
        }

        return bound;
    }

    /// <summary>The most whole copies of an item the capacities allow on their own.</summary>
    public int UpperBound(int item)
    {
        var bound = double.PositiveInfinity;
        for (var i = 0; i < Resources; i++)
        {
            var use = UseOf(i, item);
            if (use > 0.0)
            {
                bound = Math.Min(bound, Capacity[i] / use);
            }
        }

        // A cap keeps a hostile share count (1e12 shares) from overflowing the integer multiplicity.
        return double.IsPositiveInfinity(bound) ? 0 : (int)Math.Min(Math.Floor(bound + PackingSolver.IntegerTolerance), 1_000_000_000);
    }
}

/// <summary>The multiplicities chosen, their total savings, and whether the search finished (proved them optimal).</summary>
internal sealed record PackingSolution(int[] Multiplicities, double Savings, bool ProvenOptimal, int NodesSolved);
