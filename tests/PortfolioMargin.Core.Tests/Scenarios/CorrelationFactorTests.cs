using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Tests.Scenarios;

public class CorrelationFactorTests
{
    private static readonly string[] Ids = ["AAA", "BBB", "CCC"];

    [Fact]
    public void Cholesky_of_a_valid_matrix_reproduces_it_to_1e12()
    {
        double[,] correlation = { { 1.0, 0.5, 0.2 }, { 0.5, 1.0, -0.3 }, { 0.2, -0.3, 1.0 } };

        Assert.Null(CorrelationFactor.Validate(correlation, Ids));
        var lower = CorrelationFactor.Cholesky(correlation);

        AssertLowerTriangular(lower);
        AssertReproduces(correlation, lower);
    }

    [Fact]
    public void Perfectly_correlated_pair_is_valid_and_factors_exactly()
    {
        double[,] correlation = { { 1.0, 1.0, 0.3 }, { 1.0, 1.0, 0.3 }, { 0.3, 0.3, 1.0 } };

        Assert.Null(CorrelationFactor.Validate(correlation, Ids));
        var lower = CorrelationFactor.Cholesky(correlation);

        AssertLowerTriangular(lower);
        AssertReproduces(correlation, lower);
        Assert.Equal(0.0, lower[1, 1]);
    }

    [Fact]
    public void Perfectly_anticorrelated_pair_after_a_correlated_one_factors_exactly()
    {
        double[,] correlation = { { 1.0, 0.3, -0.3 }, { 0.3, 1.0, -1.0 }, { -0.3, -1.0, 1.0 } };

        Assert.Null(CorrelationFactor.Validate(correlation, Ids));
        var lower = CorrelationFactor.Cholesky(correlation);

        AssertLowerTriangular(lower);
        AssertReproduces(correlation, lower);
    }

    [Fact]
    public void Asymmetric_matrix_is_reported_with_its_pair()
    {
        double[,] correlation = { { 1.0, 0.5, 0.0 }, { 0.4, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } };

        var message = CorrelationFactor.Validate(correlation, Ids);

        Assert.NotNull(message);
        Assert.Contains("symmetric", message);
        Assert.Contains("(AAA, BBB)", message);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void Out_of_range_correlation_is_reported_with_its_pair(double rho)
    {
        double[,] correlation = { { 1.0, 0.0, 0.0 }, { 0.0, 1.0, rho }, { 0.0, rho, 1.0 } };

        var message = CorrelationFactor.Validate(correlation, Ids);

        Assert.NotNull(message);
        Assert.Contains("(BBB, CCC)", message);
        Assert.Contains("[-1, 1]", message);
    }

    [Fact]
    public void Diagonal_other_than_one_is_reported_with_its_underlying()
    {
        double[,] correlation = { { 1.0, 0.0, 0.0 }, { 0.0, 0.9, 0.0 }, { 0.0, 0.0, 1.0 } };

        var message = CorrelationFactor.Validate(correlation, Ids);

        Assert.NotNull(message);
        Assert.Contains("BBB", message);
    }

    [Fact]
    public void Non_positive_semi_definite_matrix_is_reported_with_its_smallest_eigenvalue()
    {
        // I + 0.9·B with B's eigenvalues {−2, 1, 1}: smallest eigenvalue 1 − 1.8 = −0.8.
        double[,] correlation = { { 1.0, 0.9, -0.9 }, { 0.9, 1.0, 0.9 }, { -0.9, 0.9, 1.0 } };

        var message = CorrelationFactor.Validate(correlation, Ids);

        Assert.NotNull(message);
        Assert.Contains("positive semi-definite", message);
        Assert.Contains("-0.8", message);
    }

    private static void AssertLowerTriangular(double[,] lower)
    {
        var n = lower.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(0.0, lower[i, j]);
            }
        }
    }

    private static void AssertReproduces(double[,] correlation, double[,] lower)
    {
        var n = correlation.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var product = 0.0;
                for (var k = 0; k < n; k++)
                {
                    product += lower[i, k] * lower[j, k];
                }

                Assert.True(Math.Abs(product - correlation[i, j]) <= 1e-12, $"(L·Lᵀ)[{i},{j}] = {product:R}, C = {correlation[i, j]}");
            }
        }
    }
}
