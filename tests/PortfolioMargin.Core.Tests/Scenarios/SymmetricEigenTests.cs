using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Tests.Scenarios;

public class SymmetricEigenTests
{
    [Fact]
    public void Two_by_two_has_eigenvalues_one_and_three()
    {
        var values = SymmetricEigen.Eigenvalues(new double[,] { { 2.0, 1.0 }, { 1.0, 2.0 } });

        Assert.Equal(2, values.Length);
        Assert.Equal(1.0, values[0], 1e-12);
        Assert.Equal(3.0, values[1], 1e-12);
    }

    [Fact]
    public void Tridiagonal_has_eigenvalues_four_and_four_plus_minus_root_two()
    {
        var values = SymmetricEigen.Eigenvalues(new double[,] { { 4.0, 1.0, 0.0 }, { 1.0, 4.0, 1.0 }, { 0.0, 1.0, 4.0 } });

        Assert.Equal(4.0 - Math.Sqrt(2.0), values[0], 1e-12);
        Assert.Equal(4.0, values[1], 1e-12);
        Assert.Equal(4.0 + Math.Sqrt(2.0), values[2], 1e-12);
    }

    [Fact]
    public void Indefinite_correlation_has_eigenvalues_minus_point_eight_and_a_double_one_point_nine()
    {
        var values = SymmetricEigen.Eigenvalues(new double[,] { { 1.0, 0.9, -0.9 }, { 0.9, 1.0, 0.9 }, { -0.9, 0.9, 1.0 } });

        Assert.Equal(-0.8, values[0], 1e-12);
        Assert.Equal(1.9, values[1], 1e-12);
        Assert.Equal(1.9, values[2], 1e-12);
    }

    [Fact]
    public void Diagonal_matrix_returns_its_diagonal_sorted_and_input_is_untouched()
    {
        var matrix = new double[,] { { 3.0, 0.0, 0.0 }, { 0.0, -1.0, 0.0 }, { 0.0, 0.0, 2.0 } };

        var values = SymmetricEigen.Eigenvalues(matrix);

        Assert.Equal([-1.0, 2.0, 3.0], values);
        Assert.Equal(-1.0, matrix[1, 1]);
    }

    [Fact]
    public void Eigenvalues_preserve_trace_and_Frobenius_norm()
    {
        var matrix = new double[,]
        {
            { 1.0, 0.3, -0.2, 0.1 },
            { 0.3, 1.0, 0.5, -0.4 },
            { -0.2, 0.5, 1.0, 0.25 },
            { 0.1, -0.4, 0.25, 1.0 },
        };

        var values = SymmetricEigen.Eigenvalues(matrix);

        var frobeniusSquared = 0.0;
        foreach (var entry in matrix)
        {
            frobeniusSquared += entry * entry;
        }

        Assert.Equal(4.0, values.Sum(), 1e-12);
        Assert.Equal(frobeniusSquared, values.Sum(v => v * v), 1e-12);
    }
}
