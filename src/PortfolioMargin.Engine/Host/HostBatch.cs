using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine.Host;

/// <summary>
/// One account batch's stages on the host (<see cref="HostStages"/>) over plain arrays: the run-long account rows,
/// one chunk's factors and instrument tile, and the pricing terms of every sub-step date.
/// </summary>
internal sealed class HostBatch : IBatchStages
{
    private readonly MarketSnapshot _market;
    private readonly RiskConfig _config;
    private readonly BookLayout _layout;
    private readonly double[] _cholesky;
    private readonly double[] _accountPnl;
    private readonly double[]? _worstLoss;
    private readonly double[] _spot;
    private readonly double[] _vol;
    private readonly double[] _tile;
    private readonly double[] _logSpot;
    private readonly Core.Pricing.PricingTerms[][] _pricing;
    private readonly double[] _lowest;
    private readonly double[] _highest;
    private readonly double[] _bucketLogSpot;
    private readonly double[] _bucketScale;
    private readonly int[] _bucket;

    public HostBatch(MarketSnapshot market, RiskConfig config, BookLayout layout, int chunkPaths)
    {
        _market = market;
        _config = config;
        _layout = layout;
        var accounts = layout.Accounts.Count;
        var n = market.Underlyings.Count;
        var steps = config.Steps;
        _cholesky = CorrelationFactor.CholeskyRowMajor(market.Correlation);
        _accountPnl = new double[(long)accounts * config.Paths];
        _worstLoss = steps > 1 ? new double[(long)accounts * config.Paths] : null;
        _spot = new double[(long)steps * n * chunkPaths];
        _vol = new double[(long)steps * n * chunkPaths];
        _tile = new double[Math.Max(1L, (long)layout.InstrumentCount * chunkPaths)];
        _logSpot = new double[(long)n * chunkPaths];
        var stepYears = config.HorizonYears / steps;
        _pricing = [.. Enumerable.Range(1, steps).Select(step => layout.PricingAt(market, step * stepYears))];
        _lowest = new double[layout.InstrumentCount * SpotBuckets.Count];
        _highest = new double[layout.InstrumentCount * SpotBuckets.Count];
        _bucketLogSpot = SpotBuckets.LogSpot(market);
        _bucketScale = SpotBuckets.Scale(market, config);
        _bucket = new int[n * chunkPaths];
        Array.Fill(_lowest, double.PositiveInfinity);
        Array.Fill(_highest, double.NegativeInfinity);
    }

    public void SimulateFactors(int firstPath, int chunk) =>
        HostStages.SimulateFactors(_spot, _vol, _market, _cholesky, _config, firstPath, chunk);

    public void LoadFactors(ReadOnlySpan<double> spot, ReadOnlySpan<double> atmVol, int chunk)
    {
        spot.CopyTo(_spot);
        atmVol.CopyTo(_vol);
    }

    public void RevalueInstruments(int step, int chunk)
    {
        var n = _market.Underlyings.Count;
        var slice = step * n * chunk;
        HostStages.RevalueInstruments(_tile, _logSpot, _layout, _pricing[step], n, _spot.AsMemory(slice, n * chunk), _vol.AsMemory(slice, n * chunk), chunk);
    }

    public void AggregateAccounts(int chunk, int firstPath, int worstLoss) =>
        HostStages.AggregateAccounts(_accountPnl, _worstLoss, _tile, _layout, chunk, _config.Paths, firstPath, worstLoss);

    public void TrackInstrumentExtremes(int chunk)
    {
        var n = _market.Underlyings.Count;
        var horizon = (_config.Steps - 1) * n * chunk;
        HostStages.TrackExtremes(_tile, _spot.AsSpan(horizon, n * chunk), _layout, _bucketLogSpot, _bucketScale, _bucket, _lowest, _highest, chunk);
    }

    public (double[] Lowest, double[] Highest) InstrumentExtremes() => (_lowest, _highest);

    public void ReadHorizonRow(int account, Span<double> destination) =>
        _accountPnl.AsSpan((int)((long)account * _config.Paths), _config.Paths).CopyTo(destination);

    public TailRisk[] ReduceTail(TailRows rows, TailRanks ranks, double confidence) =>
        HostStages.ReduceTail(rows == TailRows.HorizonPnl ? _accountPnl : _worstLoss!, _layout.Accounts.Count, ranks, confidence, rows.LossSign());

    public StressOutcome[] StressGrid(StressScenarios grid)
    {
        var accounts = _layout.Accounts.Count;
        var tile = new double[Math.Max(1, _layout.InstrumentCount * grid.Count)];
        var pnl = new double[Math.Max(1, accounts * grid.Count)];
        HostStages.RevalueInstruments(tile, new double[grid.Spot.Length], _layout, _layout.PricingAt(_market, 0.0), _market.Underlyings.Count, grid.Spot, grid.AtmVol, grid.Count);
        HostStages.AggregateAccounts(pnl, null, tile, _layout, grid.Count, grid.Count, 0, WorstLoss.Leave);
        return grid.Worst(pnl, accounts);
    }

    public void Dispose()
    {
    }
}
