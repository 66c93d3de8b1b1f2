using Orleans.Concurrency;
using Orleans.Placement;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// One shard of an end-of-day run, priced in one engine call on this silo's accelerator. The call runs on the
/// thread pool, not on the grain's scheduler, so polls answer while it prices; nothing is persisted, because a
/// shard that loses its silo is simply priced again elsewhere (the run grain sees <see cref="ShardPhase.Unknown"/>).
/// Random placement honours the run grain's placement hint, which spreads shard K of N over the K-th active silo.
/// </summary>
[RandomPlacement]
[Reentrant]
internal sealed class RunShardGrain(SiloAccelerator accelerator, ILocalSiloDetails silo) : Grain, IRunShardGrain
{
    private Task<ShardResult>? _work;
    private CancellationTokenSource? _stop;
    private readonly ShardProgress _progress = new();

    public Task<ShardStatus> Start(ShardJob job)
    {
        if (_work is null || _work.IsFaulted || _work.IsCanceled)
        {
            _stop?.Cancel();
            _stop = new CancellationTokenSource();
            var stop = _stop.Token;
            _work = Task.Run(() => Price(job, stop), stop);
        }

        return Task.FromResult(Status());
    }

    public async Task<ShardStatus> Poll(TimeSpan maxWait)
    {
        if (_work is { IsCompleted: false } work)
        {
            await Task.WhenAny(work, Task.Delay(maxWait));
        }

        return Status();
    }

    public Task Release()
    {
        _stop?.Cancel();
        _work = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private ShardResult Price(ShardJob job, CancellationToken stop)
    {
        var inputs = new MarginInputs(job.Market, job.Positions, job.Collateral, job.Config, job.Scenarios) { Factors = job.Factors ?? FactorSet.EveryUnderlying(job.Market) };
        var (result, call) = accelerator.Run(inputs, MarginEngine.AccountsOf(inputs).Count, _progress, stop, job.RecordDetail);

        // Only the accounts a report of this shard would show travel back: the run's report shows a subset of them.
        var details = result.Details is { } all ? Reporting.Margin.ReportAccounts.Detailed(result.Accounts, all).ToArray() : null;
        return new ShardResult(
            [.. result.Accounts], [.. result.Positions], result.Device, call, new Dictionary<string, double>(result.Timings.Milliseconds), [.. result.Strategies], details, silo.SiloAddress.ToParsableString());
    }

    private ShardStatus Status() => _work switch
    {
        null => new ShardStatus(ShardPhase.Unknown, 0, 0),
        { IsCompletedSuccessfully: true } done => new ShardStatus(ShardPhase.Completed, done.Result.Accounts.Length, done.Result.Accounts.Length, done.Result),
        { IsCompleted: true } failed => new ShardStatus(ShardPhase.Failed, _progress.Done, _progress.Total, null,
            failed.Exception?.GetBaseException().Message ?? "cancelled", ErrorIsInput: failed.Exception?.GetBaseException() is NonFiniteResultException or MemoryBudgetException or InputException),
        _ => new ShardStatus(ShardPhase.Running, _progress.Done, _progress.Total, Fraction: _progress.Fraction, Stage: _progress.Stage),
    };

    /// <summary>The engine's progress, written by its thread and read by polls.</summary>
    private sealed class ShardProgress : IProgress<EngineProgress>
    {
        private int _done;
        private int _total;
        private long _fractionBits;
        private string? _stage;

        public int Done => Volatile.Read(ref _done);

        public int Total => Volatile.Read(ref _total);

        public double Fraction => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _fractionBits));

        public string? Stage => Volatile.Read(ref _stage);

        public void Report(EngineProgress value)
        {
            Volatile.Write(ref _total, value.AccountsTotal);
            Volatile.Write(ref _done, value.AccountsDone);
            Interlocked.Exchange(ref _fractionBits, BitConverter.DoubleToInt64Bits(value.Fraction));
            Volatile.Write(ref _stage, value.Stage);
        }
    }
}
