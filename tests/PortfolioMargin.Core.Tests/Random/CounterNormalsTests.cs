using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Tests.Random;

/// <summary>
/// Moments of the counter-based variates, each checked within 4 standard errors of the estimator: 1/√n for a
/// sample mean of unit-variance draws, √(2/n) for the sample variance of normals, the sample standard deviation
/// over √n where the distribution is not normal.
/// </summary>
public class CounterNormalsTests
{
    private const ulong Seed = 20261124;

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0xffffffffu, 0xffffffffu)]
    [InlineData(0u, 0xffffffffu)]
    [InlineData(0xffffffffu, 0u)]
    public void Uniform_is_strictly_inside_the_unit_interval_for_extreme_words(uint high, uint low)
    {
        var u = CounterNormals.Uniform(high, low);

        Assert.True(u > 0.0 && u < 1.0, $"Uniform({high:x8}, {low:x8}) = {u:R}");
        Assert.True(double.IsFinite(Math.Sqrt(-2.0 * Math.Log(u))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Normal_has_zero_mean_and_unit_variance_within_four_standard_errors(bool consecutiveIndices)
    {
        const int n = 200_000;
        var sum = 0.0;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            // Either one draw per path, or consecutive indices of one path (which share Philox blocks in pairs).
            var z = consecutiveIndices
                ? CounterNormals.Normal(Seed, 3, 1, CounterNormals.SpotStream, (uint)i)
                : CounterNormals.Normal(Seed, (uint)i, 0, CounterNormals.SpotStream, 0);
            sum += z;
            squares += z * z;
        }

        var mean = sum / n;
        var variance = (squares - n * mean * mean) / (n - 1);

        Assert.True(Math.Abs(mean) <= 4.0 / Math.Sqrt(n), $"mean {mean}");
        Assert.True(Math.Abs(variance - 1.0) <= 4.0 * Math.Sqrt(2.0 / n), $"variance {variance}");
    }

    [Fact]
    public void Box_Muller_pair_sharing_a_block_is_uncorrelated_within_four_standard_errors()
    {
        const int n = 200_000;
        var product = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cosine = CounterNormals.Normal(Seed, (uint)i, 0, CounterNormals.VolStream, 6);
            var sine = CounterNormals.Normal(Seed, (uint)i, 0, CounterNormals.VolStream, 7);
            product += cosine * sine;
        }

        // E[XY] = 0 and Var(XY) = 1 for independent standard normals.
        Assert.True(Math.Abs(product / n) <= 4.0 / Math.Sqrt(n), $"mean of products {product / n}");
    }

    [Theory]
    [InlineData(Seed + 1, 7u, 3u, CounterNormals.SpotStream, 4u)]
    [InlineData(Seed, 8u, 3u, CounterNormals.SpotStream, 4u)]
    [InlineData(Seed, 7u, 4u, CounterNormals.SpotStream, 4u)]
    [InlineData(Seed, 7u, 3u, CounterNormals.VolStream, 4u)]
    [InlineData(Seed, 7u, 3u, CounterNormals.SpotStream, 5u)]
    [InlineData(Seed, 7u, 3u, CounterNormals.SpotStream, 6u)]
    [InlineData(Seed + (1UL << 32), 7u, 3u, CounterNormals.SpotStream, 4u)]
    public void Changing_any_part_of_the_key_changes_the_normal(ulong seed, uint path, uint step, uint stream, uint index)
    {
        var reference = CounterNormals.Normal(Seed, 7, 3, CounterNormals.SpotStream, 4);

        var other = CounterNormals.Normal(seed, path, step, stream, index);

        Assert.NotEqual(reference, other);
    }

    [Fact]
    public void Same_key_gives_the_bit_identical_normal()
    {
        for (uint path = 0; path < 1000; path++)
        {
            var first = CounterNormals.Normal(Seed, path, 2, CounterNormals.SpotStream, path % 5);
            var second = CounterNormals.Normal(Seed, path, 2, CounterNormals.SpotStream, path % 5);
            Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(second));
        }

        Assert.Equal(
            BitConverter.DoubleToInt64Bits(CounterNormals.StudentTScale(Seed, 9, 0, 5.0)),
            BitConverter.DoubleToInt64Bits(CounterNormals.StudentTScale(Seed, 9, 0, 5.0)));
    }

    [Fact]
    public void Student_t_innovations_have_unit_variance_within_four_standard_errors()
    {
        const int n = 100_000;
        const double degreesOfFreedom = 5.0;
        var sum = 0.0;
        var squares = 0.0;
        for (var path = 0; path < n; path++)
        {
            var scale = CounterNormals.StudentTScale(Seed, (uint)path, 0, degreesOfFreedom);
            Assert.True(scale > 0.0 && double.IsFinite(scale), $"scale {scale} on path {path}");
            var z = CounterNormals.Normal(Seed, (uint)path, 0, CounterNormals.SpotStream, 0);
            var squaredInnovation = z * scale * (z * scale);
            sum += squaredInnovation;
            squares += squaredInnovation * squaredInnovation;
        }

        var mean = sum / n;
        var standardError = Math.Sqrt((squares / n - mean * mean) / (n - 1));

        Assert.True(Math.Abs(mean - 1.0) <= 4.0 * standardError, $"E[(Z·scale)²] = {mean}, standard error {standardError}");
    }

    [Fact]
    public void Student_t_scale_squared_has_unit_mean_within_four_standard_errors()
    {
        // scale² = (ν−2)/V with V ~ χ²(ν): E = 1, finite variance for ν > 4.
        const int n = 100_000;
        var sum = 0.0;
        var squares = 0.0;
        for (var path = 0; path < n; path++)
        {
            var scale = CounterNormals.StudentTScale(Seed + 1, (uint)path, 2, 5.0);
            sum += scale * scale;
            squares += scale * scale * scale * scale;
        }

        var mean = sum / n;
        var standardError = Math.Sqrt((squares / n - mean * mean) / (n - 1));

        Assert.True(Math.Abs(mean - 1.0) <= 4.0 * standardError, $"E[scale²] = {mean}, standard error {standardError}");
    }
}
