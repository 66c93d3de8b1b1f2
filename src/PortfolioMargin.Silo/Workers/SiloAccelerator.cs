using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Grains;

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

    public (MarginRunResult Result, EngineCall Call) Run(
        Core.Input.MarginInputs inputs, int accounts, IProgress<EngineProgress>? progress = null, CancellationToken cancellation = default,
        Action<IReadOnlyList<PositionRisk>>? positionsValued = null)
    {
        lock (_gate)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = new MarginEngine(_accelerator.Value, _engineOptions).Run(inputs, progress, cancellation, positionsValued);
            var call = Interlocked.Increment(ref _engineCalls);
            Interlocked.Add(ref _accountsPriced, accounts);
            var work = result.Work;
            return (result, new EngineCall($"{_instance}-{call}", accounts, work.AccountBatches, work.PathChunks, work.InstrumentRevaluations));
        }
    }

    public void Dispose()
    {
        if (_accelerator.IsValueCreated)
        {
            lock (_gate)
            {
                _accelerator.Value.Dispose();
            }
        }
    }
}
