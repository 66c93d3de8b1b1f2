using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Tests.Scenarios;

public class NearestCorrelationTests
{
    [Fact]
    public void Higham_example_matches_the_published_nearest_correlation_matrix()
    {
        // Higham (2002), section 4: A = [[1,1,0],[1,1,1],[0,1,1]] has nearest correlation matrix
        // [[1, 0.7607, 0.1573], [0.7607, 1, 0.7607], [0.1573, 0.7607, 1]] to the 4 published decimals.
        var repaired = NearestCorrelation.Repair(new double[,] { { 1, 1, 0 }, { 1, 1, 1 }, { 0, 1, 1 } });

        Assert.Equal(0.7607, repaired[0, 1], 4);
        Assert.Equal(0.1573, repaired[0, 2], 4);
        Assert.Equal(0.7607, repaired[1, 2], 4);
        Assert.Null(CorrelationFactor.Validate(repaired, ["A", "B", "C"]));
    }

    [Fact]
    public void A_valid_correlation_matrix_is_its_own_nearest()
    {
        var valid = new double[,] { { 1, 0.5, 0.2 }, { 0.5, 1, 0.3 }, { 0.2, 0.3, 1 } };

        var repaired = NearestCorrelation.Repair(valid);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(valid[i, j], repaired[i, j], 12);
            }
        }
    }

    [Fact]
    public void Eigenvectors_reconstruct_the_matrix()
    {
        var matrix = new double[,] { { 4, 1, 0.5 }, { 1, 3, -0.2 }, { 0.5, -0.2, 2 } };

        var (values, vectors) = SymmetricEigen.Decompose(matrix);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    sum += vectors[i, k] * values[k] * vectors[j, k];
                }

                Assert.Equal(matrix[i, j], sum, 12);
            }
        }
    }
}
