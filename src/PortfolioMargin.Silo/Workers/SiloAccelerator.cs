using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;

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

    public SiloAccelerator(RiskWorkerOptions options)
    {
        _engineOptions = options.Engine;
        _accelerator = new Lazy<IRiskBackend>(() => RiskBackends.Open(options.Device), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Description => _accelerator.Value.Description;

    /// <summary>Engine calls so far: with micro-batching, far fewer than accounts priced.</summary>
    public long EngineCalls => Interlocked.Read(ref _engineCalls);

    public long AccountsPriced => Interlocked.Read(ref _accountsPriced);

    public MarginRunResult Run(Core.Input.MarginInputs inputs, int accounts)
    {
        lock (_gate)
        {
            var result = new MarginEngine(_accelerator.Value, _engineOptions).Run(inputs);
            Interlocked.Increment(ref _engineCalls);
            Interlocked.Add(ref _accountsPriced, accounts);
            return result;
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
