using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Silo.Workers;

/// <summary>
/// The silo's one risk backend: a GPU's compiled kernels, or without one the host backend (RiskBackends.Open's
/// choice for `auto`). Opening it compiles every kernel, so it happens once, on first use, and it lives as long as
/// the silo. One engine call at a time: a second would only compete for the same device.
/// </summary>
public sealed class SiloAccelerator : IDisposable
{
    private readonly Lazy<IRiskBackend> _accelerator;
    private readonly EngineOptions _engineOptions;
    private readonly Lock _gate = new();
    private PricedAhead? _ahead;
    private long _engineCalls;
    private long _accountsPriced;

    /// <summary>Tells this silo's engine calls from another's, and from an earlier run of this silo's process.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    public SiloAccelerator(RiskWorkerOptions options)
    {
        _engineOptions = options.Engine;
        _accelerator = new Lazy<IRiskBackend>(() => RiskBackends.Open(options.Device), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Description => _accelerator.Value.Description;

    /// <summary>Opens the backend (on a GPU: compiles the kernels) on the thread pool, so the first run need not wait.</summary>
    public void Warm() => _ = Task.Run(() => _accelerator.Value);

    /// <summary>Engine calls so far: with micro-batching, far fewer than accounts priced.</summary>
    public long EngineCalls => Interlocked.Read(ref _engineCalls);

    public long AccountsPriced => Interlocked.Read(ref _accountsPriced);

    /// <param name="recordDetail">Keep every account's loss histogram and stress grid (<see cref="EngineOptions.RecordAccountDetail"/>), for a report.</param>
    public (MarginRunResult Result, EngineCall Call) Run(
        Core.Input.MarginInputs inputs, int accounts, IProgress<EngineProgress>? progress = null, CancellationToken cancellation = default, bool recordDetail = false)
    {
        return TakeAhead(inputs, recordDetail) is { } ahead
            ? ahead.Join(progress, cancellation)
            : RunNow(inputs, accounts, recordDetail, progress, cancellation);
    }

    /// <summary>
    /// Starts pricing a book before its run reaches the grains. The embedded silo's own client parses the inputs
    /// while the silo starts; handing the parsed book over here lets the engine start as well, instead of after the
    /// silo. The run's shard joins this call (<see cref="Run"/>) when its book is this very one: the same market,
    /// positions and collateral objects, which in-process grain calls pass by reference because run and shard
    /// messages are immutable, and an equal config. A book nobody joins is stopped by <see cref="DropAhead"/> or
    /// <see cref="Dispose"/>; it wrote nothing, since writing is the run grain's.
    /// </summary>
    public void PriceAhead(Core.Input.MarginInputs inputs, bool recordDetail = false)
    {
        var ahead = new PricedAhead(inputs, recordDetail);
        Interlocked.Exchange(ref _ahead, ahead)?.Stop();
        ahead.Start(() => RunNow(inputs, MarginEngine.AccountsOf(inputs).Count, recordDetail, ahead, ahead.Cancellation));
    }

    /// <summary>Stops a book priced ahead that no run joined (its run was refused, or the command stopped).</summary>
    public void DropAhead() => Interlocked.Exchange(ref _ahead, null)?.StopAndWait();

    private PricedAhead? TakeAhead(Core.Input.MarginInputs inputs, bool recordDetail)
    {
        var ahead = Volatile.Read(ref _ahead);
        return ahead is not null && ahead.Prices(inputs, recordDetail) && Interlocked.CompareExchange(ref _ahead, null, ahead) == ahead ? ahead : null;
    }

    private (MarginRunResult Result, EngineCall Call) RunNow(
        Core.Input.MarginInputs inputs, int accounts, bool recordDetail, IProgress<EngineProgress>? progress, CancellationToken cancellation)
    {
        lock (_gate)
        {
            cancellation.ThrowIfCancellationRequested();
            var options = recordDetail ? _engineOptions with { RecordAccountDetail = true } : _engineOptions;
            var result = new MarginEngine(_accelerator.Value, options).Run(inputs, progress, cancellation);
            var call = Interlocked.Increment(ref _engineCalls);
            Interlocked.Add(ref _accountsPriced, accounts);
            var work = result.Work;
            return (result, new EngineCall($"{_instance}-{call}", accounts, work.AccountBatches, work.PathChunks, work.InstrumentRevaluations, work.AttributionRevaluations, work.SimulatedUnderlyings));
        }
    }

    public void Dispose()
    {
        DropAhead();
        if (_accelerator.IsValueCreated)
        {
            lock (_gate)
            {
                _accelerator.Value.Dispose();
            }
        }
    }
}
