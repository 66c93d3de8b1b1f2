using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The ILGPU backend's measured peak of device memory against byte counts worked out here from the buffer sizes
/// that IlgpuBatch (its Monte Carlo buffers, its stress grid) and the Device* uploads allocate for one batch.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class DeviceMemoryTests(CpuAcceleratorFixture fixture)
{
    private const int ChunkPaths = 500;

    private static readonly RiskConfig Config = new() { Paths = 2_000, Seed = 7, Steps = 2 };

    private static readonly EngineOptions OneBatchFourChunks = new() { MaxPathsPerChunk = ChunkPaths };

    [Fact]
    public void Peak_device_memory_holds_the_account_rows_and_tile_and_no_more_than_every_allocation()
    {
        var inputs = Books.Mixed(Config);
        var layout = LayoutOf(inputs);
        using var backend = new IlgpuBackend(fixture.Accelerator);

        var result = new MarginEngine(backend, OneBatchFourChunks).Run(inputs);

        // The byte counts below assume one batch cut into chunks of ChunkPaths paths.
        Assert.Equal(1, result.AccountBatches);
        Assert.Equal(Config.Paths / ChunkPaths, result.PathChunks);
        var accountPnl = (long)sizeof(double) * layout.Accounts.Count * Config.Paths;
        var tile = (long)sizeof(double) * layout.InstrumentCount * ChunkPaths;
        Assert.InRange(backend.PeakDeviceBytes, accountPnl + tile, EveryAllocationOfTheBatch(inputs, layout));
    }

    [Fact]
    public void Peak_device_memory_does_not_grow_when_the_run_is_repeated()
    {
        using var backend = new IlgpuBackend(fixture.Accelerator);
        var engine = new MarginEngine(backend, OneBatchFourChunks);

        engine.Run(Books.Mixed(Config));
        var first = backend.PeakDeviceBytes;
        engine.Run(Books.Mixed(Config));
        engine.Run(Books.Mixed(Config));

        // Buffers a run failed to release would still count as live and lift the next run's peak.
        Assert.True(first > 0);
        Assert.Equal(first, backend.PeakDeviceBytes);
    }

    [Fact]
    public void Later_batches_and_runs_reuse_the_first_batchs_buffers_and_give_the_same_numbers()
    {
        using var backend = new IlgpuBackend(fixture.Accelerator);
        var engine = new MarginEngine(backend, OneBatchFourChunks with { MaxAccountsPerBatch = 2 });

        var first = engine.Run(Books.Mixed(Config));
        var allocated = backend.BuffersAllocated;
        var second = engine.Run(Books.Mixed(Config));

        Assert.True(first.AccountBatches > 2, "several batches, the last one smaller");
        Assert.Equal(allocated, backend.BuffersAllocated);
        Assert.Equal(first.Accounts, second.Accounts);
        using var fresh = new IlgpuBackend(fixture.Accelerator);
        Assert.Equal(new MarginEngine(fresh).Run(Books.Mixed(Config)).Accounts, second.Accounts);
    }

    [Fact]
    public void Host_backend_holds_no_device_memory()
    {
        using var host = new HostBackend();

        new MarginEngine(host).Run(Books.Mixed(Config));

        Assert.Equal(0, host.PeakDeviceBytes);
    }

    private static BookLayout LayoutOf(MarginInputs inputs)
    {
        var positionsByAccount = inputs.Positions.GroupBy(p => p.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return BookLayout.Build(inputs.Market, MarginEngine.AccountsOf(inputs), positionsByAccount);
    }

    /// <summary>
    /// The sum of every buffer one batch allocates, as if none were freed before the last was allocated: an upper
    /// bound on what it can hold at once. Uploads of empty arrays take one spare element.
    /// </summary>
    private static long EveryAllocationOfTheBatch(MarginInputs inputs, BookLayout layout)
    {
        const long Double = sizeof(double);
        const long Int = sizeof(int);
        long accounts = layout.Accounts.Count;
        long instruments = Math.Max(1, layout.InstrumentCount);
        long underlyings = inputs.Market.Underlyings.Count;
        long steps = Config.Steps;
        var grid = StressScenarios.Build(inputs.Market, Config);

        // DeviceMarket: spot, ATM vol, vol of vol, spot-vol correlation, and the Cholesky factor.
        var market = Double * ((4 * underlyings) + (underlyings * underlyings));
        var book = (Int * layout.AccountStart.Length) + (Int * Math.Max(1, layout.EntryInstrument.Length)) + (Double * Math.Max(1, layout.EntryWeight.Length));

        // DevicePricing: type and underlying index (int), eleven double columns.
        var pricingTable = instruments * ((2 * Int) + (11 * Double));

        // IlgpuBatch, Monte Carlo: P&L, the tail's scratch copy and (with sub-steps) the path-worst loss; factors; tile;
        // one pricing table per sub-step; VaR, ES and standard error for the terminal and the path-worst tails.
        var rows = Double * accounts * Config.Paths * 3;
        var factors = 2 * Double * steps * underlyings * ChunkPaths;
        var tile = Double * instruments * ChunkPaths;
        var tails = 2 * 3 * Double * accounts;
        var monteCarlo = rows + factors + tile + (steps * pricingTable) + tails;

        // IlgpuBatch, stress grid: shocked spot and vol, its tile, account P&L, the unused path-worst row, one pricing table.
        var stress = (Double * (grid.Spot.Length + grid.AtmVol.Length + (instruments * grid.Count) + (accounts * grid.Count) + 1)) + pricingTable;

        // IlgpuBatch, attribution: each instrument's lowest and highest unit P&L per spot bucket, the buckets' ln S₀
        // and scale per underlying, and the chunk's bucket of every underlying's horizon spot.
        var attribution = (2 * Double * instruments * Attribution.SpotBuckets.Count) + (2 * Double * underlyings) + (Int * underlyings * ChunkPaths);

        return market + book + monteCarlo + stress + attribution;
    }
}
