using System.Diagnostics;

namespace PortfolioMargin.Engine;

/// <summary>
/// A run's progress as a share of its work, so that a display moves through every long stage instead of sitting
/// at 100% once the paths are simulated: each account costs its paths, then (with attribution) half as much again
/// for its ES attribution, which run.json's stage timings put at about a third of a CPU run on books S and M; the
/// last 2% are the strategy-based rules and the requirements. Reports within a stage come at most once a second;
/// the attribution's come from its worker threads.
/// </summary>
internal sealed class ProgressMeter(IProgress<EngineProgress>? target, int accounts, int paths, bool attribution, Stopwatch clock)
{
    private const double AttributionWeight = 0.5;
    private const double Closing = 0.02;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly double _total = Math.Max(1.0, (double)accounts * paths * (1.0 + (attribution ? AttributionWeight : 0.0)));
    private int _accountsDone;
    private int _batchAccounts;
    private long _attributed;
    private TimeSpan _last = -Interval;

    /// <summary>A batch of <paramref name="batchAccounts"/> starts.</summary>
    public void BatchStarting(int batchAccounts) => _batchAccounts = batchAccounts;

    /// <summary>Inside the batch: <paramref name="batchPaths"/> of its paths simulated.</summary>
    public void Simulated(int batchPaths) =>
        Report(EngineStages.Paths, (long)_accountsDone * paths + (long)_batchAccounts * batchPaths, force: false);

    /// <summary>One more account of the batch attributed, its paths all simulated (called from any thread).</summary>
    public void Attributed()
    {
        Interlocked.Increment(ref _attributed);
        Report(EngineStages.Attribution, (long)(_accountsDone + _batchAccounts) * paths, force: false);
    }

    /// <summary>The batch finished: its accounts are done.</summary>
    public void BatchDone()
    {
        _accountsDone += _batchAccounts;
        _batchAccounts = 0;
        Interlocked.Exchange(ref _attributed, _accountsDone);
        Report(EngineStages.Paths, (long)_accountsDone * paths, force: true);
    }

    /// <summary>A stage after the batches (the strategy-based rules, when they are still running).</summary>
    public void Stage(string stage) => Report(stage, (long)_accountsDone * paths, force: true);

    public void Finished() =>
        target?.Report(new EngineProgress(accounts, accounts, (long)accounts * paths, clock.Elapsed, (long)accounts * paths, EngineStages.Done, 1.0));

    private void Report(string stage, long simulated, bool force)
    {
        if (target is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = clock.Elapsed;
            if (!force && now - _last < Interval)
            {
                return;
            }

            _last = now;
            var attributed = attribution ? Interlocked.Read(ref _attributed) * (double)paths * AttributionWeight : 0.0;
            var done = Math.Min(1.0 - Closing, (simulated + attributed) / _total * (1.0 - Closing));
            target.Report(new EngineProgress(_accountsDone, accounts, simulated, now, (long)accounts * paths, stage, done));
        }
    }
}
