using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// One end-of-day run. Orleans keeps one activation per run id, so concurrent submissions meet here and start one
/// fan-out. Each account goes to its account grain (placed across the silos), which prices it on its silo's risk
/// worker; a call that fails because a silo went away is retried and lands on a new activation elsewhere. Results
/// are keyed by account, so a retried account is counted once. Reentrant so that status queries answer while the
/// fan-out is awaiting results; every step runs on the grain's single thread, so state needs no lock.
/// </summary>
[Reentrant]
public sealed class MarginRunGrain(
    [PersistentState("run", StorageNames.Margin)] IPersistentState<MarginRunState> state,
    MarginRunOptions options,
    ILogger<MarginRunGrain> logger) : Grain, IMarginRunGrain
{
    private readonly SemaphoreSlim _saving = new(1, 1);
    private TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _driver;
    private DateTimeOffset _lastCheckpoint;
    private int? _accounts;

    private MarginRunState Run => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run whose previous activation died with its silo resumes from its last checkpoint.
        return Run.Phase == RunPhase.Running ? StartDriver() : Task.CompletedTask;
    }

    public async Task<MarginRunStatus> Submit(MarginRunRequest request)
    {
        var runId = this.GetPrimaryKeyString();
        if (Run.Request is null)
        {
            RunValidation.Check(runId, request);
            Run.Request = request;
            Run.Phase = RunPhase.Running;
            Run.StartedAt = DateTimeOffset.UtcNow;
        }
        else
        {
            // Digested only when a second submission arrives: the first one should not wait for a hash of its book.
            Run.Fingerprint ??= RunFingerprint.Of(Run.Request);
            if (RunFingerprint.Of(request) != Run.Fingerprint)
            {
                throw new MarginRequestException($"run '{runId}' was already submitted with other inputs; choose another run id");
            }
        }

        Run.Submissions++;
        await (DriverIdle ? StartDriver() : SaveAsync());
        return Status();
    }

    public Task<MarginRunStatus> GetStatus() => Task.FromResult(Status());

    public async Task<MarginRunStatus> WaitForCompletion(TimeSpan maxWait)
    {
        if (Run.Phase == RunPhase.Running)
        {
            await Task.WhenAny(_completed.Task, Task.Delay(maxWait));
        }

        return Status();
    }

    public Task<AccountMargin[]> GetResults() => Task.FromResult(
        Run.Results.Values.Select(r => r.Margin).OrderBy(a => a.Account, StringComparer.Ordinal).ToArray());

    private bool DriverIdle => Run.Phase == RunPhase.Running && (_driver is null || _driver.IsCompleted);

    /// <summary>
    /// Claims the fan-out before the first await, so that concurrent submissions (the grain is reentrant) start one;
    /// the start is recorded in the same write as the submission, which the fan-out waits for. Returns that write.
    /// </summary>
    private Task StartDriver()
    {
        Run.Starts++;
        Run.Error = null;
        var saved = SaveAsync();
        _completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _driver = DriveAsync(saved);
        return saved;
    }

    private async Task DriveAsync(Task saved)
    {
        var request = Run.Request!;
        try
        {
            await saved;
            var scenario = new MarketState($"run:{request.RunId}", 0, request.Market, request.Config, $"end-of-day:{request.RunId}");

            // The account grains get the scenario in their jobs; the market data grain only needs it before the
            // run is done (intraday moves start from it), so it is published while the accounts are priced.
            var published = GrainFactory.GetGrain<IMarketDataGrain>(MarketDataKeys.Current).Publish(scenario);

            using var inFlight = new SemaphoreSlim(options.MaxAccountsInFlight);
            var pending = RunBook.ByAccount(request).Where(a => !Run.Results.ContainsKey(a.Account) && !Run.Failed.ContainsKey(a.Account));
            await Task.WhenAll(pending.Select(async a =>
            {
                await inFlight.WaitAsync();
                try
                {
                    await PriceAccountAsync(new EndOfDayJob(request.RunId, scenario, a.Positions, a.Collateral), a.Account);
                }
                finally
                {
                    inFlight.Release();
                }
            }).Append(published));

            if (!Run.Written)
            {
                await RunOutput.WriteAsync(Run, DateTimeOffset.UtcNow);
                Run.Written = true;
            }

            Run.Phase = RunPhase.Completed;
            await SaveAsync();
        }
        catch (Exception error)
        {
            // Left Running: a later submission (or reactivation) tries again from what is already priced.
            logger.LogError(error, "run {RunId} stopped", request.RunId);
            Run.Error = error.Message;
        }
        finally
        {
            _completed.TrySetResult();
        }
    }

    private async Task PriceAccountAsync(EndOfDayJob job, string account)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Run.Results[account] = await GrainFactory.GetGrain<IAccountGrain>(account).RunEndOfDay(job);
                await CheckpointAsync();
                return;
            }
            catch (MarginRequestException error)
            {
                Run.Failed[account] = error.Message;
                return;
            }
            catch (Exception error) when (attempt < options.MaxAttempts)
            {
                Run.Retries++;
                logger.LogWarning("run {RunId}: account {Account} attempt {Attempt} failed ({Error}); retrying", job.RunId, account, attempt, error.Message);
                await Task.Delay(TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(attempt - 1, 20))));
            }
            catch (Exception error)
            {
                Run.Failed[account] = $"gave up after {attempt} attempts: {error.Message}";
                return;
            }
        }
    }

    private async Task CheckpointAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now - _lastCheckpoint >= options.CheckpointInterval)
        {
            _lastCheckpoint = now;
            await SaveAsync();
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

    private int AccountCount() => Run.Request is { } request ? _accounts ??= RunBook.Accounts(request).Count() : 0;

    private MarginRunStatus Status() => new(
        this.GetPrimaryKeyString(),
        Run.Phase,
        AccountCount(),
        Run.Results.Count,
        Run.Failed.Count,
        Run.Retries,
        Run.Submissions,
        Run.Starts,
        Run.Request?.OutputFolder is { } folder ? Path.GetFullPath(folder) : null,
        [.. Run.Failed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")],
        DriverIdle ? Run.Error : null);
}
