using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Cli.Bench;

/// <summary>
/// The Monte Carlo work of a book, counted so that it can be set against a device's peaks: floating-point
/// operations and the least traffic to device memory any implementation of the same stages must make.
/// Floors are lower bounds: counts are the fewest the method needs, never the most.
/// </summary>
internal sealed record Workload(long OptionRevaluations, long LinearRevaluations, long PositionAdditions, long AccountPathValues)
{
    /// <summary>
    /// One option revaluation as the kernel issues it (PricingTerms.UnitValue after the per-instrument constants):
    /// ln S, the smile and d1, d2 (22 operations); two normal CDFs by Hart's rational function in Estrin form (38
    /// operations each, exponential aside); the tile's subtraction (1); and one logarithm and two exponentials,
    /// counted at 20 operations each, about what CUDA's double-precision library spends on them. 99 + 60 = 159.
    /// </summary>
    public const double FlopsPerOption = 159;

    /// <summary>A spot or future: a multiply and the subtraction of the base value.</summary>
    public const double FlopsPerLinear = 2;

    public static Workload Of(MarginInputs inputs)
    {
        long paths = inputs.Config.Paths;
        long steps = inputs.Config.Steps;
        var instruments = inputs.Positions.Select(p => p.Instrument).Distinct().ToList();
        long options = instruments.Count(i => i.Type == InstrumentType.Option);
        var holdings = inputs.Positions.Select(p => (p.Account, p.Instrument)).Distinct().LongCount();
        long accounts = MarginEngine.AccountsOf(inputs).Count;
        return new Workload(options * paths * steps, (instruments.Count - options) * paths * steps, holdings * paths * steps, accounts * paths * steps);
    }

    /// <summary>Revaluation: the instrument × path tile.</summary>
    public double RevaluationFlops => OptionRevaluations * FlopsPerOption + LinearRevaluations * FlopsPerLinear;

    /// <summary>Each tile entry written once; the scenario inputs are a rounding error beside it.</summary>
    public double RevaluationBytes => (OptionRevaluations + LinearRevaluations) * 8.0;

    /// <summary>Revaluation, a multiply-add per holding and path, and the account rows written once and read once by the tail.</summary>
    public double MonteCarloFlops => RevaluationFlops + 2.0 * PositionAdditions;

    public double MonteCarloBytes => RevaluationBytes + 2.0 * 8.0 * AccountPathValues;
}

/// <summary>A stage's floors on a device and how far above the larger one the measured time is.</summary>
internal sealed record RooflineFloor(string Stage, double Flops, double Bytes, double Fp32Seconds, double Fp64Seconds, double MemorySeconds, double? MeasuredSeconds)
{
    public static RooflineFloor Of(string stage, double flops, double bytes, DevicePeak peak, double? measuredSeconds) =>
        new(stage, flops, bytes, flops / (peak.Fp32Gflops * 1e9), flops / (peak.Fp64Gflops * 1e9), bytes / (peak.MemoryGBs * 1e9), measuredSeconds);

    /// <summary>The FP32 floor the targets are stated against, or memory where that is higher.</summary>
    public double Floor => Math.Max(Fp32Seconds, MemorySeconds);

    public double? OverFloor => MeasuredSeconds / Floor;

    public override string ToString() =>
        $"{Stage}: {Flops:E2} flop, {Bytes / 1e9:F2} GB; floors FP32 {Fp32Seconds * 1e3:F2} ms, FP64 {Fp64Seconds * 1e3:F2} ms, memory {MemorySeconds * 1e3:F2} ms"
        + (MeasuredSeconds is { } measured ? $"; measured {measured * 1e3:F2} ms = {OverFloor:F1}x the floor" : string.Empty);
}
