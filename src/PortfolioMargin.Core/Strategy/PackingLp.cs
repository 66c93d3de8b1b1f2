namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// The LP relaxation of a packing problem, max c·x subject to A x ≤ b, x ≥ 0, with b ≥ 0, by a dense primal simplex
/// on the slack basis (feasible from the start, so there is no phase one). Dantzig's largest-coefficient rule, then
/// Bland's smallest-index rule once the pivots pass a few times the size of the problem, so degenerate books
/// (many equal capacities) cannot cycle. Every choice breaks ties by the lowest index: the same problem gives the
/// same vertex. Problems here have tens of rows and columns, where a dense tableau beats anything sparse.
/// </summary>
internal sealed class PackingLp
{
    private const double PivotTolerance = 1e-9;

    private double[] _tableau = [];
    private int[] _basis = [];

    /// <summary>
    /// Solves the LP; <paramref name="a"/> is row-major m × n. Returns false if the pivot cap was reached (the
    /// objective is then no bound). On success <paramref name="x"/> holds a vertex and the return value of
    /// <paramref name="objective"/> its value.
    /// </summary>
    public bool Solve(int rows, int columns, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> x, out double objective)
    {
        var width = columns + rows + 1;
        var size = (rows + 1) * width;
        if (_tableau.Length < size)
        {
            _tableau = new double[size];
        }

        if (_basis.Length < rows)
        {
            _basis = new int[rows];
        }

        var t = _tableau.AsSpan(0, size);
        t.Clear();
        var costScale = 0.0;
        for (var i = 0; i < rows; i++)
        {
            a.Slice(i * columns, columns).CopyTo(t.Slice(i * width, columns));
            t[(i * width) + columns + i] = 1.0;
            t[(i * width) + width - 1] = Math.Max(b[i], 0.0);
            _basis[i] = columns + i;
        }

        var z = rows * width;
        for (var j = 0; j < columns; j++)
        {
            t[z + j] = -c[j];
            costScale = Math.Max(costScale, Math.Abs(c[j]));
        }

        var reducedTolerance = 1e-12 * Math.Max(costScale, 1.0);
        var blandAfter = 4 * (rows + columns);
        var pivotCap = 50 * (rows + columns) + 100;
        for (var iteration = 0; ; iteration++)
        {
            if (iteration >= pivotCap)
            {
                objective = double.NaN;
                return false;
            }

            var entering = -1;
            var best = -reducedTolerance;
            for (var j = 0; j < width - 1; j++)
            {
                if (t[z + j] < best)
                {
                    entering = j;
                    if (iteration >= blandAfter)
                    {
                        break;
                    }

                    best = t[z + j];
                }
            }

            if (entering < 0)
            {
                break;
            }

            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                var coefficient = t[(i * width) + entering];
                if (coefficient <= PivotTolerance)
                {
                    continue;
                }

                var ratio = t[(i * width) + width - 1] / coefficient;
                if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && leaving >= 0 && _basis[i] < _basis[leaving]))
                {
                    bestRatio = Math.Min(ratio, bestRatio);
                    leaving = i;
                }
            }

            if (leaving < 0)
            {
                // Unbounded: impossible when every column uses some capacity; report it as no bound.
                objective = double.NaN;
                return false;
            }

            Pivot(t, rows, width, leaving, entering);
            _basis[leaving] = entering;
        }

        x[..columns].Clear();
        for (var i = 0; i < rows; i++)
        {
            if (_basis[i] < columns)
            {
                x[_basis[i]] = Math.Max(t[(i * width) + width - 1], 0.0);
            }
        }

        objective = t[z + width - 1];
        return true;
    }

    private static void Pivot(Span<double> t, int rows, int width, int pivotRow, int pivotColumn)
    {
        var row = t.Slice(pivotRow * width, width);
        var inverse = 1.0 / row[pivotColumn];
        for (var j = 0; j < width; j++)
        {
            row[j] *= inverse;
        }

        row[pivotColumn] = 1.0;
        for (var i = 0; i <= rows; i++)
        {
            if (i == pivotRow)
            {
                continue;
            }

            var other = t.Slice(i * width, width);
            var factor = other[pivotColumn];
            if (factor == 0.0)
            {
                continue;
            }

            for (var j = 0; j < width; j++)
            {
                other[j] -= factor * row[j];
            }

            other[pivotColumn] = 0.0;
        }
    }
}
