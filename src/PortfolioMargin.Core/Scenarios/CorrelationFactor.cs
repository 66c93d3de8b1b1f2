namespace PortfolioMargin.Core.Scenarios;

/// <summary>
/// The lower-triangular factor L with L·Lᵀ = C that turns independent normals into spot returns with
/// correlation C. A positive semi-definite C with zero eigenvalues (perfectly correlated underlyings) is
/// accepted: its zero pivots give zero columns, which is still an exact factor.
/// </summary>
public static class CorrelationFactor
{
    /// <summary>Smallest eigenvalue still counted as zero rather than negative, for matrices typed to 4 decimals.</summary>
    public const double EigenvalueTolerance = 1e-10;

    /// <summary>Returns the problem with C (a pair or an eigenvalue), or null when it is a valid correlation matrix.</summary>
    public static string? Validate(double[,] correlation, IReadOnlyList<string> ids, bool checkDefiniteness = true)
    {
        var n = correlation.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            if (correlation[i, i] != 1.0)
            {
                return $"diagonal entry for {ids[i]} is {correlation[i, i]}, must be 1";
            }

            for (var j = 0; j < n; j++)
            {
                var rho = correlation[i, j];
                if (double.IsNaN(rho) || rho < -1.0 || rho > 1.0)
                {
                    return $"correlation of ({ids[i]}, {ids[j]}) is {rho}, outside [-1, 1]";
                }

                if (rho != correlation[j, i])
                {
                    return $"matrix is not symmetric: ({ids[i]}, {ids[j]}) is {rho} but ({ids[j]}, {ids[i]}) is {correlation[j, i]}";
                }
            }
        }

        if (!checkDefiniteness)
        {
            return null;
        }

        var smallest = SymmetricEigen.Eigenvalues(correlation)[0];
        return smallest < -EigenvalueTolerance
            ? $"matrix is not positive semi-definite: smallest eigenvalue is {smallest:G6}"
            : null;
    }

    /// <summary>Cholesky–Banachiewicz, row-major lower triangle. Call <see cref="Validate"/> first.</summary>
    public static double[,] Cholesky(double[,] correlation)
    {
        var n = correlation.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = correlation[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    lower[i, i] = sum > 1e-14 ? Math.Sqrt(sum) : 0.0;
                }
                else
                {
                    lower[i, j] = lower[j, j] > 0.0 ? sum / lower[j, j] : 0.0;
                }
            }
        }

        return lower;
    }

    /// <summary>The Cholesky factor flattened row-major, [i·n + j], as the kernels and the host backend read it.</summary>
    public static double[] CholeskyRowMajor(double[,] correlation)
    {
        var lower = Cholesky(correlation);
        var n = lower.GetLength(0);
        var flat = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                flat[i * n + j] = lower[i, j];
            }
        }

        return flat;
    }
}
