namespace PortfolioMargin.Core.Random;

/// <summary>
/// Uniform and normal variates keyed by (seed, path, step, stream, index). One Philox block gives two 52-bit
/// uniforms and, through Box–Muller, two independent normals: index 2j and 2j+1 share block j. Kernel-safe.
/// </summary>
public static class CounterNormals
{
    /// <summary>Spot-return innovations of the underlyings (before correlation).</summary>
    public const uint SpotStream = 0;

    /// <summary>The independent part of each underlying's vol innovation.</summary>
    public const uint VolStream = 1;

    /// <summary>Draws for the Student-t chi-square mixing variable.</summary>
    public const uint MixingStream = 2;

    private const double TwoPi = 6.283185307179586476925286766559;
    private const double TwoPowMinus52 = 1.0 / 4503599627370496.0;

    /// <summary>
    /// A uniform in the open interval (0, 1) from two 32-bit words: 52 random bits, centred in their cell. With 53
    /// bits, bits + 0.5 would need 54 bits of mantissa and the top cell would round to exactly 1.
    /// </summary>
    public static double Uniform(uint high, uint low)
    {
        var bits = ((ulong)(high >> 6) << 26) | (low >> 6);
        return (bits + 0.5) * TwoPowMinus52;
    }

    /// <summary>The standard normal number <paramref name="index"/> of a (path, step, stream).</summary>
    public static double Normal(ulong seed, uint path, uint step, uint stream, uint index)
    {
        var block = Philox4x32.Generate(path, step, stream, index >> 1, (uint)seed, (uint)(seed >> 32));
        var u1 = Uniform(block.X0, block.X1);
        var u2 = Uniform(block.X2, block.X3);
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = TwoPi * u2;
        return (index & 1) == 0 ? radius * Math.Cos(angle) : radius * Math.Sin(angle);
    }

    /// <summary>The uniform number <paramref name="index"/> of a (path, step, stream), from the first half of block index.</summary>
    public static double UniformAt(ulong seed, uint path, uint step, uint stream, uint index)
    {
        var block = Philox4x32.Generate(path, step, stream, index, (uint)seed, (uint)(seed >> 32));
        return Uniform(block.X0, block.X1);
    }

    /// <summary>
    /// The Student-t scale √((ν−2)/V) for V ~ χ²(ν), shared by every factor of a (path, step), so that the
    /// innovations Z·scale have unit variance and tail dependence. V = 2·Gamma(ν/2) by Marsaglia–Tsang (2000);
    /// each attempt uses its own counter, so the rejection loop stays deterministic. Requires ν &gt; 2.
    /// </summary>
    public static double StudentTScale(ulong seed, uint path, uint step, double degreesOfFreedom)
    {
        var shape = 0.5 * degreesOfFreedom;
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        var gamma = d;
        for (uint attempt = 0; attempt < 256; attempt++)
        {
            var x = Normal(seed, path, step, MixingStream, 4 * attempt);
            var v = 1.0 + c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            var u = UniformAt(seed, path, step, MixingStream, 2 * attempt + 1);
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                gamma = d * v;
                break;
            }
        }

        var chiSquare = 2.0 * gamma;
        return Math.Sqrt((degreesOfFreedom - 2.0) / chiSquare);
    }
}
