namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Exact branch and bound for <see cref="PackingProblem"/>: each node solves the LP relaxation (<see cref="PackingLp"/>)
/// for a bound, rounds its vertex down and fills greedily for an incumbent, and branches on the most fractional
/// multiplicity, the "up" branch first. Items that share no resource are solved as separate components.
/// Written by hand rather than calling a MIP solver: a problem has tens of variables and is solved in microseconds,
/// while starting an external solver per account and underlying would cost more than the whole Monte Carlo run.
/// The work bound is the number of LP nodes; when it runs out the best incumbent is returned, flagged unproven.
/// Pairs alone (verticals, straddles, covered calls) form a bipartite b-matching, whose LP is integral, so most books
/// close at the root; butterflies and condors (3–4 legs) are what needs branching.
/// </summary>
internal static class PackingSolver
{
    public const double IntegerTolerance = 1e-9;


    public static PackingSolution Solve(PackingProblem problem, int nodeLimit)
    {
        var multiplicities = new int[problem.Items];
        var totalSavings = 0.0;
        var proven = true;
        var nodes = 0;
        var lp = new PackingLp();
        foreach (var component in Components(problem))
        {
            var sub = Tighten(Restrict(problem, component.Items, component.Resources));
            var result = SolveComponent(sub, Math.Max(nodeLimit - nodes, 0), lp);
            nodes += result.NodesSolved;
            proven &= result.ProvenOptimal;
            totalSavings += result.Savings;
            for (var k = 0; k < component.Items.Length; k++)
            {
                multiplicities[component.Items[k]] = result.Multiplicities[k];
            }
        }

        return new PackingSolution(multiplicities, totalSavings, proven, nodes);
    }

    private static PackingSolution SolveComponent(PackingProblem p, int nodeLimit, PackingLp lp)
    {
        var n = p.Items;
        var upper = new int[n];
        var fractionalUpper = new double[n];
        for (var t = 0; t < n; t++)
        {
            upper[t] = p.UpperBound(t);
            fractionalUpper[t] = p.FractionalUpperBound(t);
        }

        var order = GreedyOrder(p);
        var multiLeg = MultiLeg(p);
        var best = Greedy(p, new int[n], upper, order);
        var bestSavings = Value(p, best);
        if (n == 1)
        {
            return new PackingSolution(best, bestSavings, true, 0);
        }

        var nodes = 0;
        var stack = new Stack<(int[] Lower, int[] Upper)>();
        stack.Push((new int[n], upper));
        var y = new double[n];
        while (stack.Count > 0)
        {
            if (nodes >= nodeLimit)
            {
                return new PackingSolution(best, bestSavings, false, nodes);
            }

            var (lower, high) = stack.Pop();
            nodes++;
            if (!Relaxation(p, lower, high, fractionalUpper, lp, y, out var bound))
            {
                // The simplex hit its pivot cap: no bound for this node, so nothing below it is proven.
                return new PackingSolution(best, bestSavings, false, nodes);
            }

            var lowerSavings = Value(p, lower);
            if (double.IsNegativeInfinity(bound) || lowerSavings + bound <= bestSavings + Tolerance(bestSavings))
            {
                continue;
            }

            var rounded = new int[n];
            var branch = -1;
            var mostFractional = 0.0;
            for (var t = 0; t < n; t++)
            {
                var whole = Math.Floor(y[t] + IntegerTolerance);
                rounded[t] = lower[t] + (int)whole;
                var fraction = y[t] - whole;
                if (fraction <= IntegerTolerance || 1.0 - fraction <= IntegerTolerance)
                {
                    continue;
                }

                // Multi-leg items first: once they are whole the rest is a bipartite matching, whose LP is integral.
                var score = Math.Min(fraction, 1.0 - fraction) + (multiLeg[t] ? 1.0 : 0.0);
                if (score > mostFractional + IntegerTolerance)
                {
                    mostFractional = score;
                    branch = t;
                }
            }

            var candidate = Feasible(p, rounded) ? Greedy(p, rounded, high, order) : Greedy(p, (int[])lower.Clone(), high, order);
            var candidateSavings = Value(p, candidate);
            if (candidateSavings > bestSavings + Tolerance(bestSavings))
            {
                best = candidate;
                bestSavings = candidateSavings;
            }

            if (branch < 0 || lowerSavings + bound <= bestSavings + Tolerance(bestSavings))
            {
                continue;
            }

            var floor = lower[branch] + (int)Math.Floor(y[branch]);
            var down = (int[])high.Clone();
            down[branch] = floor;
            stack.Push((lower, down));
            var up = (int[])lower.Clone();
            up[branch] = floor + 1;
            if (up[branch] <= high[branch])
            {
                stack.Push((up, high));
            }
        }

        return new PackingSolution(best, bestSavings, true, nodes);
    }

    /// <summary>Savings closer than a millionth of a dollar (or 1e-12 relative) are equal: no branch can gain more.</summary>
    private static double Tolerance(double savings) => 1e-6 + (1e-12 * Math.Abs(savings));

    /// <summary>
    /// The LP over x = lower + y, with y ≤ high − lower as an extra row wherever that is tighter than the capacities
    /// alone (a butterfly on 5 body contracts is at most 2, where the LP alone would allow 2.5).
    /// </summary>
    private static bool Relaxation(PackingProblem p, int[] lower, int[] high, double[] fractionalUpper, PackingLp lp, double[] y, out double bound)
    {
        var n = p.Items;
        var extra = 0;
        for (var t = 0; t < n; t++)
        {
            if (high[t] < fractionalUpper[t] - IntegerTolerance)
            {
                extra++;
            }
        }

        var rows = p.Resources + extra;
        var a = new double[rows * n];
        var b = new double[rows];
        Array.Copy(p.Use, a, p.Resources * n);
        for (var i = 0; i < p.Resources; i++)
        {
            var remaining = p.Capacity[i];
            for (var t = 0; t < n; t++)
            {
                remaining -= p.UseOf(i, t) * lower[t];
            }

            if (remaining < -IntegerTolerance * (1.0 + p.Capacity[i]))
            {
                // The up branches' lower bounds together overfill this leg: the node has no solution.
                bound = double.NegativeInfinity;
                return true;
            }

            b[i] = Math.Max(remaining, 0.0);
        }

        var row = p.Resources;
        for (var t = 0; t < n; t++)
        {
            if (high[t] < fractionalUpper[t] - IntegerTolerance)
            {
                a[(row * n) + t] = 1.0;
                b[row] = high[t] - lower[t];
                row++;
            }
        }

        return lp.Solve(rows, n, a, b, p.Savings, y, out bound);
    }

    /// <summary>Adds copies of items, best savings first, while capacity and the node's upper bounds allow.</summary>
    private static int[] Greedy(PackingProblem p, int[] start, int[] high, int[] order)
    {
        var x = (int[])start.Clone();
        var remaining = Remaining(p, x);
        foreach (var t in order)
        {
            var room = (double)(high[t] - x[t]);
            for (var i = 0; i < p.Resources; i++)
            {
                var use = p.UseOf(i, t);
                if (use > 0.0)
                {
                    room = Math.Min(room, Math.Floor((remaining[i] / use) + IntegerTolerance));
                }
            }

            if (room <= 0.0)
            {
                continue;
            }

            var add = (int)room;
            x[t] += add;
            for (var i = 0; i < p.Resources; i++)
            {
                remaining[i] -= p.UseOf(i, t) * add;
            }
        }

        return x;
    }

    private static int[] GreedyOrder(PackingProblem p) =>
        Enumerable.Range(0, p.Items).OrderByDescending(t => p.Savings[t]).ThenBy(t => t).ToArray();

    private static double[] Remaining(PackingProblem p, int[] x)
    {
        var remaining = (double[])p.Capacity.Clone();
        for (var i = 0; i < p.Resources; i++)
        {
            for (var t = 0; t < p.Items; t++)
            {
                remaining[i] -= p.UseOf(i, t) * x[t];
            }
        }

        return remaining;
    }

    private static bool Feasible(PackingProblem p, int[] x)
    {
        var remaining = Remaining(p, x);
        for (var i = 0; i < p.Resources; i++)
        {
            if (remaining[i] < -IntegerTolerance * (1.0 + p.Capacity[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double Value(PackingProblem p, int[] x)
    {
        var value = 0.0;
        for (var t = 0; t < p.Items; t++)
        {
            value += p.Savings[t] * x[t];
        }

        return value;
    }

    /// <summary>Connected components of the item–resource graph, each listing items and resources in ascending order.</summary>
    private static List<(int[] Items, int[] Resources)> Components(PackingProblem p)
    {
        var parent = Enumerable.Range(0, p.Resources).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var firstResource = new int[p.Items];
        for (var t = 0; t < p.Items; t++)
        {
            firstResource[t] = -1;
            for (var i = 0; i < p.Resources; i++)
            {
                if (p.UseOf(i, t) <= 0.0)
                {
                    continue;
                }

                if (firstResource[t] < 0)
                {
                    firstResource[t] = i;
                }
                else
                {
                    var (ra, rb) = (Find(firstResource[t]), Find(i));
                    if (ra != rb)
                    {
                        parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                    }
                }
            }
        }

        var components = new List<(int[] Items, int[] Resources)>();
        for (var root = 0; root < p.Resources; root++)
        {
            if (Find(root) != root)
            {
                continue;
            }

            var items = Enumerable.Range(0, p.Items).Where(t => firstResource[t] >= 0 && Find(firstResource[t]) == root).ToArray();
            if (items.Length == 0)
            {
                continue;
            }

            var resources = Enumerable.Range(0, p.Resources).Where(i => Find(i) == root).ToArray();
            components.Add((items, resources));
        }

        return components;
    }

    /// <summary>
    /// Chvátal–Gomory rounding of each capacity row, valid for integer multiplicities: a row whose entries are all one
    /// value v (the shares a covered call takes) becomes Σx ≤ ⌊capacity / v⌋; a row of whole entries gets a whole
    /// capacity. With whole capacities the pair items (verticals, straddles, covered calls) form a bipartite
    /// b-matching, calls short against puts short and calls long and stock, whose LP is integral.
    /// </summary>
    private static PackingProblem Tighten(PackingProblem p)
    {
        var use = (double[])p.Use.Clone();
        var capacity = (double[])p.Capacity.Clone();
        for (var i = 0; i < p.Resources; i++)
        {
            var row = use.AsSpan(i * p.Items, p.Items);
            var common = 0.0;
            var uniform = true;
            var whole = true;
            foreach (var entry in row)
            {
                if (entry == 0.0)
                {
                    continue;
                }

                common = common == 0.0 ? entry : common;
                uniform &= entry == common;
                whole &= entry == Math.Floor(entry);
            }

            if (common == 0.0)
            {
                continue;
            }

            if (uniform)
            {
                for (var t = 0; t < row.Length; t++)
                {
                    row[t] = row[t] == 0.0 ? 0.0 : 1.0;
                }

                capacity[i] = Math.Floor((capacity[i] / common) + IntegerTolerance);
            }
            else if (whole)
            {
                capacity[i] = Math.Floor(capacity[i] + IntegerTolerance);
            }
        }

        return p with { Use = use, Capacity = capacity };
    }

    /// <summary>Items of more than two legs, or taking more than one unit of a leg: the ones that break integrality.</summary>
    private static bool[] MultiLeg(PackingProblem p)
    {
        var multiLeg = new bool[p.Items];
        for (var t = 0; t < p.Items; t++)
        {
            var legs = 0;
            for (var i = 0; i < p.Resources; i++)
            {
                var use = p.UseOf(i, t);
                legs += use > 0.0 ? 1 : 0;
                multiLeg[t] |= use > 1.0;
            }

            multiLeg[t] |= legs > 2;
        }

        return multiLeg;
    }

    private static PackingProblem Restrict(PackingProblem p, int[] items, int[] resources)
    {
        var use = new double[resources.Length * items.Length];
        for (var i = 0; i < resources.Length; i++)
        {
            for (var t = 0; t < items.Length; t++)
            {
                use[(i * items.Length) + t] = p.UseOf(resources[i], items[t]);
            }
        }

        return new PackingProblem(
            resources.Length,
            items.Length,
            resources.Select(i => p.Capacity[i]).ToArray(),
            items.Select(t => p.Savings[t]).ToArray(),
            use);
    }
}
