using BenchmarkDotNet.Attributes;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Benchmarks;

/// <summary>
/// The Monte Carlo stages on the two CPU backends, on a synthetic book of 100 accounts × 40 options over 8
/// underlyings: the measurement behind "auto" choosing the host backend when no GPU is present.
/// </summary>
[MemoryDiagnoser]
public class BackendBenchmarks
{
    private MarginInputs _inputs = null!;
    private IRiskBackend _host = null!;
    private IRiskBackend _ilgpu = null!;

    [Params(5_000)]
    public int Paths { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var asOf = new DateTimeOffset(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);
        var underlyings = Enumerable.Range(0, 8).Select(i => new Underlying($"U{i}", 50 + 25 * i, 0.01, 0.2 + 0.03 * i, -0.1, 0.02, 1.0, -0.6)).ToArray();
        var correlation = new double[8, 8];
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                correlation[i, j] = i == j ? 1.0 : 0.4;
            }
        }

        var market = new MarketSnapshot(asOf, "USD", 0.03, underlyings, correlation);
        var positions = new List<Position>();
        for (var a = 0; a < 100; a++)
        {
            for (var k = 0; k < 40; k++)
            {
                var u = underlyings[(a + k) % 8];
                positions.Add(new Position($"A{a:D3}", Instrument.Of(InstrumentType.Option, u.Id, Math.Round(u.Spot * (0.8 + 0.01 * k), 2), new DateOnly(2027, 1 + k % 6, 15), k % 2 == 0 ? OptionRight.Call : OptionRight.Put), (k % 7) - 3, 100));
            }
        }

        _inputs = new MarginInputs(market, positions, [], new RiskConfig { Paths = Paths });
        _host = RiskBackends.Open(DeviceKind.Host);
        _ilgpu = RiskBackends.Open(DeviceKind.Cpu);
    }

    [Benchmark(Baseline = true)]
    public double HostBackend() => new MarginEngine(_host).Run(_inputs).Accounts.Sum(a => a.Horizon.ExpectedShortfall);

    [Benchmark]
    public double IlgpuCpuAccelerator() => new MarginEngine(_ilgpu).Run(_inputs).Accounts.Sum(a => a.Horizon.ExpectedShortfall);

    [Benchmark]
    public double OptionUnitValue()
    {
        var terms = PricingTerms.Prepare(2, 1.0, 105.0, 0.25, 0.03, 0.01, -0.1, 0.02);
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += terms.UnitValue(95.0 + 0.001 * i, 0.2);
        }

        return sum;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _ilgpu.Dispose();
    }
}
