using ILGPU.Runtime;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Kernels;

/// <summary>
/// One account batch's stages as kernel launches over device buffers: the market's factor model and the book's
/// account rows uploaded once, the run-long account rows, one chunk's factors and instrument tile, and a pricing
/// table per sub-step date. Each stage synchronizes, so the driver's timings are the kernels'.
/// </summary>
internal sealed class IlgpuBatch : IBatchStages
{
    private readonly RiskAccelerator _device;
    private readonly DeviceMemoryMeter _meter;
    private readonly RiskConfig _config;
    private readonly DeviceMarket _market;
    private readonly DeviceBook _book;
    private readonly MeteredBuffer<double> _accountPnl;
    private readonly MeteredBuffer<double> _scratch;
    private readonly MeteredBuffer<double> _worstLoss;
    private readonly MeteredBuffer<double> _spot;
    private readonly MeteredBuffer<double> _vol;
    private readonly MeteredBuffer<double> _tile;
    private readonly DevicePricing[] _pricing;
    private readonly MeteredBuffer<double> _lowest;
    private readonly MeteredBuffer<double> _highest;
    private readonly int _instrumentCount;
    private readonly MeteredBuffer<double> _bucketLogSpot;
    private readonly MeteredBuffer<double> _bucketScale;
    private readonly MeteredBuffer<int> _bucket;
    private readonly double _stepYears;

    public IlgpuBatch(RiskAccelerator device, DeviceMemoryMeter meter, MarketSnapshot market, RiskConfig config, BookLayout layout, int chunkPaths)
    {
        _device = device;
        _meter = meter;
        _config = config;
        var accelerator = device.Accelerator;
        _market = new DeviceMarket(accelerator, meter, market);
        _book = new DeviceBook(accelerator, meter, layout);
        var rows = Math.Max(1L, (long)layout.Accounts.Count * config.Paths);
        var steps = config.Steps;
        _accountPnl = meter.Allocate<double>(accelerator, rows);
        _scratch = meter.Allocate<double>(accelerator, rows);
        _worstLoss = meter.Allocate<double>(accelerator, steps > 1 ? rows : 1L);
        _spot = meter.Allocate<double>(accelerator, (long)steps * _market.UnderlyingCount * chunkPaths);
        _vol = meter.Allocate<double>(accelerator, (long)steps * _market.UnderlyingCount * chunkPaths);
        _tile = meter.Allocate<double>(accelerator, Math.Max(1L, (long)layout.InstrumentCount * chunkPaths));
        _stepYears = config.HorizonYears / steps;
        _pricing = [.. Enumerable.Range(1, steps).Select(step => new DevicePricing(accelerator, meter, layout, layout.PricingAt(market, step * _stepYears)))];
        var extremes = Math.Max(1, layout.InstrumentCount * SpotBuckets.Count);
        _lowest = meter.Upload(accelerator, Enumerable.Repeat(double.PositiveInfinity, extremes).ToArray());
        _highest = meter.Upload(accelerator, Enumerable.Repeat(double.NegativeInfinity, extremes).ToArray());
        _instrumentCount = layout.InstrumentCount;
        _bucketLogSpot = meter.Upload(accelerator, SpotBuckets.LogSpot(market));
        _bucketScale = meter.Upload(accelerator, SpotBuckets.Scale(market, config));
        _bucket = meter.Allocate<int>(accelerator, Math.Max(1L, (long)_market.UnderlyingCount * chunkPaths));
    }

    public void SimulateFactors(int firstPath, int chunk)
    {
        _device.SimulateFactors(_spot.View, _vol.View, _market.Factors, new ScenarioParameters
        {
            Seed = _config.Seed,
            Underlyings = _market.UnderlyingCount,
            Steps = _config.Steps,
            Paths = chunk,
            FirstPath = firstPath,
            StepYears = _stepYears,
            Innovations = (int)_config.Innovations,
            DegreesOfFreedom = _config.DegreesOfFreedom,
        });
        _device.Synchronize();
    }

    public void LoadFactors(ReadOnlySpan<double> spot, ReadOnlySpan<double> atmVol, int chunk)
    {
        var stream = _device.Accelerator.DefaultStream;
        _spot.View.SubView(0, spot.Length).CopyFromCPU(stream, spot);
        _vol.View.SubView(0, atmVol.Length).CopyFromCPU(stream, atmVol);
        stream.Synchronize();
    }

    public void RevalueInstruments(int step, int chunk)
    {
        var slice = (long)step * _market.UnderlyingCount * chunk;
        var length = (long)_market.UnderlyingCount * chunk;
        _device.RevalueInstruments(_tile.View, _pricing[step].Table, new ScenarioView
        {
            Spot = _spot.View.SubView(slice, length),
            AtmVol = _vol.View.SubView(slice, length),
            Paths = chunk,
            ValuationYears = (step + 1) * _stepYears,
        });
        _device.Synchronize();
    }

    public void AggregateAccounts(int chunk, int firstPath, int worstLoss)
    {
        _device.AggregateAccounts(_accountPnl.View, _worstLoss.View, _tile.View, _book.Accounts, new AggregationParameters
        {
            ChunkPaths = chunk,
            RowPaths = _config.Paths,
            FirstPath = firstPath,
            WorstMode = worstLoss,
        });
        _device.Synchronize();
    }

    public void TrackInstrumentExtremes(int chunk)
    {
        if (_instrumentCount == 0)
        {
            return;
        }

        var n = _market.UnderlyingCount;
        var horizon = (long)(_config.Steps - 1) * n * chunk;
        var bucket = _bucket.View.SubView(0, (long)n * chunk);
        _device.BucketPaths(_spot.View.SubView(horizon, (long)n * chunk), bucket, new BucketParameters
        {
            LogSpot = _bucketLogSpot.View,
            Scale = _bucketScale.View,
            Paths = chunk,
        });
        _device.TrackExtremes(_tile.View, bucket, _pricing[^1].Table.UnderlyingIndex, _lowest.View, _highest.View, chunk);
        _device.Synchronize();
    }

    public (double[] Lowest, double[] Highest) InstrumentExtremes()
    {
        var length = _instrumentCount * SpotBuckets.Count;
        return ([.. _lowest.GetAsArray1D().Take(length)], [.. _highest.GetAsArray1D().Take(length)]);
    }

    public void ReadHorizonRow(int account, Span<double> destination)
    {
        var stream = _device.Accelerator.DefaultStream;
        _accountPnl.View.SubView((long)account * _config.Paths, _config.Paths).CopyToCPU(stream, destination);
        stream.Synchronize();
    }

    public TailRisk[] ReduceTail(TailRows rows, TailRanks ranks, double confidence)
    {
        var accelerator = _device.Accelerator;
        var accounts = _book.Accounts.Accounts;
        using var valueAtRisk = _meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        using var shortfall = _meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        using var stdError = _meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        _device.ReduceTailLoss(rows == TailRows.HorizonPnl ? _accountPnl.View : _worstLoss.View, _scratch.View, new TailOutput
        {
            ValueAtRisk = valueAtRisk.View,
            ExpectedShortfall = shortfall.View,
            StdError = stdError.View,
        }, new TailParameters
        {
            Accounts = accounts,
            Paths = ranks.PathCount,
            VarRank = ranks.VarRank,
            TailCount = ranks.TailCount,
            Confidence = confidence,
            LossSign = rows.LossSign(),
        });
        _device.Synchronize();
        var v = valueAtRisk.GetAsArray1D();
        var e = shortfall.GetAsArray1D();
        var s = stdError.GetAsArray1D();
        var result = new TailRisk[accounts];
        for (var a = 0; a < accounts; a++)
        {
            result[a] = new TailRisk(v[a], e[a], s[a]);
        }

        return result;
    }

    public StressOutcome[] StressGrid(StressScenarios grid)
    {
        var accelerator = _device.Accelerator;
        var accounts = _book.Accounts.Accounts;
        using var spot = _meter.Upload(accelerator, grid.Spot);
        using var vol = _meter.Upload(accelerator, grid.AtmVol);
        using var tile = _meter.Allocate<double>(accelerator, Math.Max(1L, (long)_book.InstrumentCount * grid.Count));
        using var pnl = _meter.Allocate<double>(accelerator, Math.Max(1L, (long)accounts * grid.Count));
        using var unused = _meter.Allocate<double>(accelerator, 1);
        using var pricing = new DevicePricing(accelerator, _meter, _book.Layout, _book.Layout.PricingAt(_market.Snapshot, 0.0));
        _device.RevalueInstruments(tile.View, pricing.Table,
            new ScenarioView { Spot = spot.View, AtmVol = vol.View, Paths = grid.Count, ValuationYears = 0.0 });
        _device.AggregateAccounts(pnl.View, unused.View, tile.View, _book.Accounts,
            new AggregationParameters { ChunkPaths = grid.Count, RowPaths = grid.Count, FirstPath = 0, WorstMode = WorstLoss.Leave });
        _device.Synchronize();
        return grid.Worst(pnl.GetAsArray1D(), accounts);
    }

    public void Dispose()
    {
        foreach (var table in _pricing)
        {
            table.Dispose();
        }

        _bucket.Dispose();
        _bucketScale.Dispose();
        _bucketLogSpot.Dispose();
        _highest.Dispose();
        _lowest.Dispose();
        _tile.Dispose();
        _vol.Dispose();
        _spot.Dispose();
        _worstLoss.Dispose();
        _scratch.Dispose();
        _accountPnl.Dispose();
        _book.Dispose();
        _market.Dispose();
    }
}
