namespace PortfolioMargin.Core.Random;

/// <summary>
/// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011):
/// a counter-based generator, so the numbers for (seed, path, step, factor) are a pure function of those
/// integers: every accelerator, thread layout and batch split draws the same random integers for the same path.
/// Checked against the Random123 known-answer vectors.
/// </summary>
public static class Philox4x32
{
    private const uint MultiplierA = 0xD2511F53;
    private const uint MultiplierB = 0xCD9E8D57;
    private const uint WeylA = 0x9E3779B9;
    private const uint WeylB = 0xBB67AE85;

    /// <summary>Ten rounds over the counter (c0..c3) under the key (k0, k1).</summary>
    public static Block Generate(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += WeylA;
                k1 += WeylB;
            }

            var productA = (ulong)MultiplierA * c0;
            var productB = (ulong)MultiplierB * c2;
            var hiA = (uint)(productA >> 32);
            var loA = (uint)productA;
            var hiB = (uint)(productB >> 32);
            var loB = (uint)productB;
            c0 = hiB ^ c1 ^ k0;
            c1 = loB;
            c2 = hiA ^ c3 ^ k1;
            c3 = loA;
        }

        return new Block(c0, c1, c2, c3);
    }

    /// <summary>Four 32-bit outputs of one Philox call.</summary>
    public readonly record struct Block(uint X0, uint X1, uint X2, uint X3);
}
