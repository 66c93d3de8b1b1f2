using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime.Placement;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// One end-of-day run. Orleans keeps one activation per run id, so concurrent submissions meet here and start one
/// run. The book is cut into one shard per active silo and each shard is priced in one engine call on its silo
/// (<see cref="RunShardGrain"/>), which plans its batches and chunks as `pm run --direct` does; the run polls the
/// shards, so however long a shard takes no call outlasts Orleans' response timeout, and a shard whose silo goes
/// away is priced again on another. Only a complete book is written: every account once, files byte-identical to
/// a direct run's. The account grains then take their results, off the run's critical path.
/// Reentrant so that status queries answer while the run awaits its shards; every step runs on the grain's single
/// thread, so state needs no lock.
/// </summary>
[Reentrant]
internal sealed class MarginRunGrain(
    [PersistentState("run", StorageNames.Margin)] IPersistentState<MarginRunState> state,
    MarginRunOptions options,
    ClusterPaths paths,
    IClusterMembershipService membership,
    Microsoft.Extensions.Options.IOptions<Orleans.Configuration.SiloMessagingOptions> messaging,
    IServiceProvider services,
    ILogger<MarginRunGrain> logger) : Grain, IMarginRunGrain
{
    /// <summary>A poll waits at most a third of the response timeout, whatever the options say.</summary>
    private TimeSpan PollInterval => TimeSpan.FromTicks(Math.Min(options.PollInterval.Ticks, messaging.Value.ResponseTimeout.Ticks / 3));

    private readonly SemaphoreSlim _saving = new(1, 1);
    private TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MarginRunRequest? _request;
    private AccountMargin[]? _results;
    private PositionRisk[]? _positions;
    private Task? _driver;
    private CancellationTokenSource _stop = new();

    /// <summary>Each shard's last status, for the run's own: accounts done, share of the work, stage.</summary>
    private ShardStatus?[] _shards = [];

    private MarginRunState Run => state.State;

    public async Task<MarginRunStatus> Submit(MarginRunRequest request)
    {
        var runId = this.GetPrimaryKeyString();
        if (Run.Phase == RunPhase.NotSubmitted)
        {
            RunValidation.Check(runId, request);
            var fingerprint = RunFingerprint.Of(request);
            var folder = RunOutput.Resolve(request.OutputFolder, paths.ResultsRoot);
            RunOutput.CheckTarget(folder, runId, fingerprint);
            Run.Fingerprint = fingerprint;
            Run.OutputFolder = folder;
            Run.Phase = RunPhase.Running;
            Run.StartedAt = DateTimeOffset.UtcNow;
        }
        else if (RunFingerprint.Of(request) != Run.Fingerprint)
        {
            throw new MarginRequestException($"run '{runId}' was already submitted with other inputs; choose another run id");
        }

        _request ??= request;
        Run.Submissions++;
        if (DriverIdle && (Run.Phase == RunPhase.Running || (request.UpdateAccounts && !Run.AccountsUpdated && _results is not null)))
        {
            await StartDriver();
        }
        else
        {
            await SaveAsync();
        }

        return Status();
    }

    public Task<MarginRunStatus> GetStatus() => Task.FromResult(Status());

    public async Task<MarginRunStatus> WaitForCompletion(TimeSpan maxWait)
    {
        if (!DriverIdle)
        {
            await Task.WhenAny(_completed.Task, Task.Delay(maxWait));
        }

        return Status();
    }

    public Task<AccountMargin[]> GetResults() => _results is { } results
        ? Task.FromResult(results)
        : throw new MarginRequestException(Run.Phase == RunPhase.Completed
            ? $"run '{this.GetPrimaryKeyString()}' is no longer held in memory; its results are in {Run.OutputFolder}"
            : $"run '{this.GetPrimaryKeyString()}' has not completed");

    public Task<PositionRisk[]> GetPositions() => _positions is { } positions
        ? Task.FromResult(positions)
        : throw new MarginRequestException(Run.Phase == RunPhase.Completed
            ? $"run '{this.GetPrimaryKeyString()}' is no longer held in memory; its positions are in {Run.OutputFolder}"
            : $"run '{this.GetPrimaryKeyString()}' has not completed");

    public async Task Cancel()
    {
        await _stop.CancelAsync();
        if (_driver is { } driver)
        {
            // The driver removes its staging folder as it unwinds; a shard still in a path chunk stops at its end.
            await Task.WhenAny(driver, Task.Delay(TimeSpan.FromSeconds(2)));
        }
    }

    private bool DriverIdle => _driver is null || _driver.IsCompleted;

    /// <summary>
    /// Claims the run before the first await, so that concurrent submissions (the grain is reentrant) start one;
    /// the start is recorded in the same write as the submission, which the driver waits for. Returns that write.
    /// </summary>
    private Task StartDriver()
    {
        if (Run.Phase == RunPhase.Running)
        {
            Run.Starts++;
        }

        Run.Error = null;
        Run.ErrorIsFinal = false;
        Run.ErrorIsInput = false;
        var saved = SaveAsync();
        _stop = new CancellationTokenSource();
        _completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _driver = DriveAsync(saved, _request!, _stop.Token);
        return saved;
    }

    private async Task DriveAsync(Task saved, MarginRunRequest request, CancellationToken stop)
    {
        try
        {
            await saved;
            if (Run.Phase == RunPhase.Running)
            {
                await PriceAndWriteAsync(request, stop);
            }

            _completed.TrySetResult();
            if (request.UpdateAccounts)
            {
                await RunDelivery.DeliverAsync(GrainFactory, request, _results!, options, stop);
                Run.AccountsUpdated = true;
                await SaveAsync();
            }
        }
        catch (Exception error)
        {
            // Left as it was: a later submission starts it again.
            Run.Error = stop.IsCancellationRequested ? "cancelled" : error.Message;
            Run.ErrorIsFinal = error is MarginOutputException or ShardFailedException;
            Run.ErrorIsInput = error is ShardFailedException { IsInput: true };
            logger.LogWarning("run {RunId} stopped: {Error}", request.RunId, Run.Error);
        }
        finally
        {
            _completed.TrySetResult();
        }
    }

    private async Task PriceAndWriteAsync(MarginRunRequest request, CancellationToken stop)
    {
        // Intraday recomputes simulate the run's factors (as its shards do): an account priced alone comes out as in the run.
        var factors = Core.Market.FactorSet.ReferencedIds(request.Market, request.Positions, request.Collateral);
        var scenario = new MarketState($"run:{request.RunId}", 0, request.Market, request.Config, $"end-of-day:{request.RunId}", factors);

        // Intraday moves start from the run's market; it only has to be current before the run is done.
        var published = GrainFactory.GetGrain<IMarketDataGrain>(MarketDataKeys.Current).Publish(scenario);

        var silos = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).Order().ToArray();
        var shards = RunShards.Plan(request, Math.Max(1, silos.Length));
        _shards = new ShardStatus?[shards.Jobs.Count];

        // A folder that already holds this run's files (an earlier activation wrote them, then died) is kept.
        var written = RunOutput.CheckTarget(Run.OutputFolder!, request.RunId, Run.Fingerprint!);
        using var writer = written ? null : RunOutput.Begin(Run.OutputFolder!);

        ShardResult[] results;
        try
        {
            results = await Task.WhenAll(shards.Jobs.Select(job =>
                PriceShardAsync(job, silos.Length > 0 ? silos[job.Shard % silos.Length] : null, stop)));
        }
        catch
        {
            // A cancelled or failed run stops its other shards' engine calls too (they check between path chunks).
            foreach (var job in shards.Jobs)
            {
                _ = ShardGrain(job.RunId, job.Shard, job.Shards).Release();
            }

            throw;
        }

        var accounts = RunShards.MergeAccounts(results);

        // The positions carry their share of the ES and stress loss, known only once each shard's Monte Carlo is done.
        var positions = shards.MergePositions([.. results.Select(r => r.Positions)]);
        await published;
        if (writer is not null)
        {
            stop.ThrowIfCancellationRequested();
            var work = results.Select(r => r.Call.Work).Aggregate((a, b) => a + b);
            var devices = string.Join("; ", results.Select(r => r.Device).Distinct().Order(StringComparer.Ordinal));
            var timings = new StageTimings();
            foreach (var (stage, ms) in results.SelectMany(r => r.StageMilliseconds))
            {
                timings.Add(stage, TimeSpan.FromMilliseconds(ms));
            }

            // What ran it, for run.json: the cluster's settings where the host bound them (a test host may not), the
            // silos the book was cut for, and each shard's device in shard order.
            var settings = services.GetService<Microsoft.Extensions.Options.IOptions<Hosting.MarginClusterOptions>>()?.Value;
            var cluster = new RunOutput.ClusterShape(settings, [.. silos.Select(s => s.ToParsableString())], [.. results.Select(r => r.Device)], [.. results.Select(r => r.Silo)]);
            var details = request.Report ? RunShards.MergeDetails(results, accounts) : null;
            await writer.CommitAsync(request, Run, accounts, positions, RunShards.MergeStrategies(results), details, devices, work, cluster, timings, DateTimeOffset.UtcNow);
        }

        _results = accounts;
        _positions = positions;
        Run.Accounts = accounts.Length;
        Run.Phase = RunPhase.Completed;
        await SaveAsync();
        await Task.WhenAll(Enumerable.Range(0, results.Length).Select(k => ShardGrain(request.RunId, k, results.Length).Release()));
    }

    private IRunShardGrain ShardGrain(string runId, int shard, int shards) => GrainFactory.GetGrain<IRunShardGrain>(RunShards.GrainKey(runId, shard, shards));

    /// <summary>Starts one shard on its silo and polls it to the end, starting it again wherever its silo went away.</summary>
    private async Task<ShardResult> PriceShardAsync(ShardJob job, SiloAddress? silo, CancellationToken stop)
    {
        var shard = ShardGrain(job.RunId, job.Shard, job.Shards);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (silo is not null)
                {
                    // Used only if the call activates the shard, and only while that silo is alive.
                    RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                }

                var status = await shard.Start(job).WaitAsync(stop);
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                while (true)
                {
                    stop.ThrowIfCancellationRequested();
                    _shards[job.Shard] = status;
                    switch (status.Phase)
                    {
                        case ShardPhase.Completed:
                            return status.Result!;
                        case ShardPhase.Failed:
                            throw new ShardFailedException($"shard {job.Shard + 1} of {job.Shards} failed: {status.Error}", status.ErrorIsInput);
                        case ShardPhase.Unknown:
                            // A new activation: the one that held the shard went with its silo.
                            Run.Retries++;
                            logger.LogWarning("run {RunId}: shard {Shard} lost its silo; pricing it again", job.RunId, job.Shard);
                            status = await shard.Start(job).WaitAsync(stop);
                            break;
                        case ShardPhase.Running:
                            status = await shard.Poll(PollInterval).WaitAsync(stop);
                            break;
                        default:
                            throw new InvalidOperationException($"shard phase {status.Phase} is not one this run knows");
                    }
                }
            }
            catch (Exception error) when (attempt < options.MaxAttempts && error is not (ShardFailedException or OperationCanceledException) && !stop.IsCancellationRequested)
            {
                Run.Retries++;
                logger.LogWarning("run {RunId}: shard {Shard} attempt {Attempt} failed ({Error}); retrying", job.RunId, job.Shard, attempt, error.Message);
                silo = null;
                await Task.Delay(options.RetryDelayAfter(attempt), stop);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
    }

    /// <summary>Interleaved calls must not overlap their writes: the second would carry a stale ETag.</summary>
    private async Task SaveAsync()
    {
        await _saving.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _saving.Release();
        }
    }

    private MarginRunStatus Status() => new(
        this.GetPrimaryKeyString(),
        Run.Phase,
        Run.Phase == RunPhase.Completed ? Run.Accounts : _shards.Sum(s => s?.Accounts ?? 0),
        Run.Phase == RunPhase.Completed ? Run.Accounts : _shards.Sum(s => s?.AccountsDone ?? 0),
        Run.Retries,
        Run.Submissions,
        Run.Starts,
        Run.OutputFolder,
        Run.AccountsUpdated,
        DriverIdle ? Run.Error : null,
        DriverIdle && Run.ErrorIsFinal,
        DriverIdle && Run.ErrorIsInput,
        Run.Phase == RunPhase.Completed ? 1.0 : PricedShare(),
        Run.Phase == RunPhase.Completed ? null : _shards.FirstOrDefault(s => s is { Phase: ShardPhase.Running, Stage: not null })?.Stage);

    /// <summary>The shards' shares of their work done, weighed by their accounts (equally while none has reported its count).</summary>
    private double PricedShare()
    {
        static double Share(ShardStatus? s) => s is null ? 0.0 : s.Phase == ShardPhase.Completed ? 1.0 : s.Fraction;
        var accounts = _shards.Sum(s => s?.Accounts ?? 0);
        if (_shards.Length == 0)
        {
            return 0.0;
        }

        return accounts == 0 ? _shards.Average(Share) : _shards.Sum(s => Share(s) * (s?.Accounts ?? 0)) / accounts;
    }

    /// <summary>A shard's engine call threw: pricing it again elsewhere would throw again. <paramref name="isInput"/>: because of the book.</summary>
    private sealed class ShardFailedException(string message, bool isInput) : Exception(message)
    {
        public bool IsInput { get; } = isInput;
    }
}
