using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>Standard-normal losses from the engine's own counter-based generator: reproducible, no System.Random.</summary>
internal static class NormalLosses
{
    public static double[] Draw(int count, ulong seed)
    {
        var losses = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Both Box–Muller outputs of each Philox block: index 0 and 1 of path i/2.
            losses[i] = CounterNormals.Normal(seed, (uint)(i >> 1), 0, CounterNormals.SpotStream, (uint)(i & 1));
        }

        return losses;
    }
}
