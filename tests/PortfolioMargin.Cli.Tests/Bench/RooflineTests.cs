using PortfolioMargin.Cli.Bench;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Cli.Tests.Bench;

public sealed class RooflineTests
{
    [Fact]
    public void H100_peaks_from_its_device_figures_match_the_datasheet()
    {
        // H100 SXM5: 132 SMs, 1,980 MHz boost, HBM3 at 2,619 MHz on a 5,120-bit bus. NVIDIA's datasheet:
        // 67 TFLOP/s FP32, 34 TFLOP/s FP64 (non-tensor), 3.35 TB/s.
        var peak = DevicePeak.OfCuda(9, 0, 132, 1_980_000, 2_619_000, 5120)!;

        Assert.Equal(67_000, peak.Fp32Gflops, 67_000 * 0.01);
        Assert.Equal(34_000, peak.Fp64Gflops, 34_000 * 0.02);
        Assert.Equal(3_350, peak.MemoryGBs, 3_350 * 0.01);
    }

    [Fact]
    public void An_architecture_outside_the_table_has_no_peak()
    {
        Assert.Null(DevicePeak.OfCuda(6, 1, 28, 1_500_000, 5_000_000, 352));
    }

    [Fact]
    public void Work_counts_distinct_instruments_and_holdings_per_path_and_step()
    {
        var expiry = new DateOnly(2027, 1, 15);
        Position Call(string account, double quantity) => new(account, Instrument.Of(InstrumentType.Option, "X", 100, expiry, OptionRight.Call), quantity, 100);
        Position Spot(string account) => new(account, Instrument.Of(InstrumentType.Spot, "X", null, null, null), 10, 1);

        // Two accounts share one call (a distinct instrument once, a holding each); the first holds it twice.
        var positions = new List<Position> { Call("A", 1), Call("A", 2), Call("B", -1), Spot("B") };
        var market = new MarketSnapshot(
            new DateTimeOffset(2026, 11, 20, 21, 0, 0, TimeSpan.Zero), "USD", 0.03,
            [new Underlying("X", 100, 0, 0.2, 0, 0, 0, 0)], new double[,] { { 1 } });
        var inputs = new MarginInputs(market, positions, [], new RiskConfig { Paths = 1_000, Steps = 2 });

        var work = Workload.Of(inputs);

        Assert.Equal(new Workload(1 * 1_000 * 2, 1 * 1_000 * 2, 3 * 1_000 * 2, 2 * 1_000 * 2), work);
        Assert.Equal(2_000 * Workload.FlopsPerOption + 2_000 * Workload.FlopsPerLinear, work.RevaluationFlops);
        var floor = RooflineFloor.Of("revaluation", work.RevaluationFlops, work.RevaluationBytes, new DevicePeak(1, 0.5, 1, "test"), 0.002);
        Assert.Equal(work.RevaluationFlops / 1e9, floor.Fp32Seconds, 12);
        Assert.Equal(2 * floor.Fp32Seconds, floor.Fp64Seconds, 12);
        Assert.Equal(0.002 / floor.Floor, floor.OverFloor!.Value, 12);
    }
}
