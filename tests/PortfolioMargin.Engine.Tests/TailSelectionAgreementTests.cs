using ILGPU.Runtime;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The tail reduction exists twice, because a kernel cannot take a Span: Core's TailSelection on the host and
/// TailKernel on an ArrayView. Both are fed the rows that break selection algorithms (ties, sorted, reversed,
/// all equal, a single outlier) and must give the same VaR, ES and standard error to the bit.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class TailSelectionAgreementTests(CpuAcceleratorFixture fixture)
{
    private const int Paths = 1_000;

    private static IEnumerable<(string Name, double[] Losses)> HardRows()
    {
        var random = new Random(5);
        yield return ("random", [.. Enumerable.Range(0, Paths).Select(_ => random.NextDouble() * 2 - 1)]);
        yield return ("ascending", [.. Enumerable.Range(0, Paths).Select(i => (double)i)]);
        yield return ("descending", [.. Enumerable.Range(0, Paths).Select(i => (double)(Paths - i))]);
        yield return ("all equal", [.. Enumerable.Repeat(3.25, Paths)]);
        yield return ("three values, many ties", [.. Enumerable.Range(0, Paths).Select(i => (double)(i % 3))]);
        yield return ("ties at the VaR rank", [.. Enumerable.Range(0, Paths).Select(i => i < Paths - 30 ? 0.0 : 1.0)]);
        yield return ("one outlier", [.. Enumerable.Range(0, Paths).Select(i => i == 417 ? 1e6 : 0.0)]);
        yield return ("hedged: zeros and a negative", [.. Enumerable.Range(0, Paths).Select(i => i == 3 ? -1.0 : 0.0)]);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.975)]
    [InlineData(0.5)]
    public void Host_and_kernel_reduce_every_hard_row_to_the_same_bits(double confidence)
    {
        var rows = HardRows().ToList();
        var ranks = TailRanks.For(Paths, confidence);
        var accelerator = fixture.Accelerator.Accelerator;
        var flat = rows.SelectMany(r => r.Losses).ToArray();
        using var device = accelerator.Allocate1D(flat);
        using var scratch = accelerator.Allocate1D<double>(flat.Length);
        using var valueAtRisk = accelerator.Allocate1D<double>(rows.Count);
        using var shortfall = accelerator.Allocate1D<double>(rows.Count);
        using var stdError = accelerator.Allocate1D<double>(rows.Count);

        fixture.Accelerator.ReduceTailLoss(device.View, scratch.View,
            new TailOutput { ValueAtRisk = valueAtRisk.View, ExpectedShortfall = shortfall.View, StdError = stdError.View },
            new TailParameters { Accounts = rows.Count, Paths = Paths, VarRank = ranks.VarRank, TailCount = ranks.TailCount, Confidence = confidence, LossSign = 1.0 });
        fixture.Accelerator.Synchronize();
        var (v, e, s) = (valueAtRisk.GetAsArray1D(), shortfall.GetAsArray1D(), stdError.GetAsArray1D());

        for (var k = 0; k < rows.Count; k++)
        {
            var host = TailSelection.Reduce(rows[k].Losses.ToArray(), ranks, confidence);
            var kernel = new TailRisk(v[k], e[k], s[k]);
            Assert.True(host.Equals(kernel), $"{rows[k].Name} at {confidence}: host {host}, kernel {kernel}");

            // And both are the sorted reference's, which sums the same ascending tail.
            Assert.Equal(TailRisk.FromLosses(rows[k].Losses, confidence), host);
        }
    }
}
