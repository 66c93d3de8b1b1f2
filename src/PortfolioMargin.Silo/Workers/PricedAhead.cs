using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Workers;

/// <summary>
/// An engine call started before the run that wants it (<see cref="SiloAccelerator.PriceAhead"/>). Its progress is
/// kept until the run's shard joins, then handed on as it comes; the shard's cancellation stops it.
/// </summary>
internal sealed class PricedAhead(Core.Input.MarginInputs inputs, bool recordDetail) : IProgress<EngineProgress>
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task<(MarginRunResult Result, EngineCall Call)>? _work;
    private IProgress<EngineProgress>? _progressTarget;
    private EngineProgress? _lastProgress;

    public CancellationToken Cancellation => _stop.Token;

    public void Start(Func<(MarginRunResult, EngineCall)> run) => _work = Task.Run(run, CancellationToken.None);

    /// <summary>
    /// The same book: the objects themselves, not equal copies, the same config, the same scenario set (or none) and
    /// the same factor set (a shard names the run's explicitly; the call priced ahead takes the book's own), and the
    /// same choice of recording each account's detail for a report.
    /// </summary>
    public bool Prices(Core.Input.MarginInputs other, bool otherRecordsDetail) =>
        otherRecordsDetail == recordDetail && ReferenceEquals(inputs.Market, other.Market) && ReferenceEquals(inputs.Positions, other.Positions)
        && ReferenceEquals(inputs.Collateral, other.Collateral) && inputs.Config == other.Config
        && ReferenceEquals(inputs.Scenarios, other.Scenarios)
        && Core.Market.FactorSet.Of(inputs.Market, inputs.Factors, inputs.Positions, inputs.Collateral)
            .SequenceEqual(Core.Market.FactorSet.Of(other.Market, other.Factors, other.Positions, other.Collateral));

    /// <summary>Waits for the call on behalf of a shard: its progress from now on goes to the shard.</summary>
    public (MarginRunResult Result, EngineCall Call) Join(IProgress<EngineProgress>? progress, CancellationToken cancellation)
    {
        EngineProgress? last;
        lock (_gate)
        {
            _progressTarget = progress;
            last = _lastProgress;
        }

        if (last is { } value)
        {
            progress?.Report(value);
        }

        using (cancellation.Register(Stop))
        {
            return _work!.GetAwaiter().GetResult();
        }
    }

    public void Stop() => _stop.Cancel();

    /// <summary>Stops the call and waits until the engine has let go of the accelerator (it checks between path chunks).</summary>
    public void StopAndWait()
    {
        Stop();
        try
        {
            _work?.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled, or failed: nobody asked for its result.
        }
    }

    /// <summary>The engine's progress: kept, and passed to the shard once one has joined.</summary>
    public void Report(EngineProgress value)
    {
        IProgress<EngineProgress>? target;
        lock (_gate)
        {
            _lastProgress = value;
            target = _progressTarget;
        }

        target?.Report(value);
    }
}
