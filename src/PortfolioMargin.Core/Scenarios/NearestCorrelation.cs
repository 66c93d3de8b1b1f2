namespace PortfolioMargin.Core.Scenarios;

/// <summary>
/// The nearest correlation matrix in the Frobenius norm to a symmetric matrix with unit diagonal that is not
/// positive semi-definite (typically one estimated pair by pair): Higham's alternating projections with Dykstra's
/// correction (N. J. Higham, "Computing the nearest correlation matrix", IMA J. Numer. Anal. 22, 2002).
/// Opt-in from the market snapshot (<c>correlation.repair = "nearest"</c>), because it changes the user's numbers.
/// </summary>
public static class NearestCorrelation
{
    public static double[,] Repair(double[,] matrix, double tolerance = 1e-12, int maxIterations = 10_000)
    {
        var n = matrix.GetLength(0);
        var y = (double[,])matrix.Clone();
        var correction = new double[n, n];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var r = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    r[i, j] = y[i, j] - correction[i, j];
                }
            }

            var x = ProjectOntoSemidefinite(r);
            var change = 0.0;
            var size = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    correction[i, j] = x[i, j] - r[i, j];
                    var next = i == j ? 1.0 : x[i, j];
                    change += (next - y[i, j]) * (next - y[i, j]);
                    size += next * next;
                    y[i, j] = next;
                }
            }

            if (Math.Sqrt(change) <= tolerance * Math.Sqrt(size))
            {
                break;
            }
        }

        // Exact symmetry, so that validation (which compares C[i,j] with C[j,i] exactly) accepts the result.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                y[i, j] = y[j, i];
            }
        }

        return y;
    }

    /// <summary>V·max(Λ, 0)·Vᵀ: the nearest positive semi-definite matrix in the Frobenius norm.</summary>
    private static double[,] ProjectOntoSemidefinite(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var (values, vectors) = SymmetricEigen.Decompose(matrix);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += vectors[i, k] * Math.Max(values[k], 0.0) * vectors[j, k];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }
}
