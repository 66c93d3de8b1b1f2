using System.Diagnostics;
using System.Threading.Channels;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Workers;

/// <summary>
/// The silo's queue in front of its accelerator. Jobs from every risk worker activation on the silo wait here; the
/// first one waits for company until none has come for <see cref="RiskWorkerOptions.MaxBatchIdle"/>, or at most
/// <see cref="RiskWorkerOptions.MaxBatchWait"/>, then up to <see cref="RiskWorkerOptions.MaxBatchAccounts"/> jobs
/// of the same scenario are priced in one engine call.
/// </summary>
internal sealed class MarginBatcher : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SiloAccelerator _accelerator;
    private readonly RiskWorkerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _batches;
    private long _accounts;

    public MarginBatcher(SiloAccelerator accelerator, RiskWorkerOptions options)
    {
        _accelerator = accelerator;
        _options = options;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Engine calls this silo has made.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Accounts this silo has priced.</summary>
    public long AccountsPriced => Interlocked.Read(ref _accounts);

    public Task<AccountResult> Enqueue(MarginJob job)
    {
        var pending = new Pending(job, new TaskCompletionSource<AccountResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the silo's risk worker is shutting down");
        }

        return pending.Completion.Task;
    }

    private async Task LoopAsync()
    {
        var carried = new List<Pending>();
        try
        {
            while (carried.Count > 0 || await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                var batch = await CollectAsync(carried);
                if (batch.Count > 0)
                {
                    Price(batch);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: whatever is still queued fails below, and its callers retry elsewhere.
        }

        while (_queue.Reader.TryRead(out var left))
        {
            carried.Add(left);
        }

        foreach (var pending in carried)
        {
            pending.Completion.TrySetException(new InvalidOperationException("the silo's risk worker stopped before pricing this account"));
        }
    }

    /// <summary>
    /// One batch: a single scenario, each account at most once (two jobs for one account would merge their books),
    /// everything else carried to the next batch in arrival order.
    /// </summary>
    private async Task<List<Pending>> CollectAsync(List<Pending> carried)
    {
        var batch = new List<Pending>();
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        string? key = null;

        bool Fits(Pending p)
        {
            key ??= p.Job.ScenarioKey;
            return batch.Count < _options.MaxBatchAccounts && p.Job.ScenarioKey == key && !accounts.Contains(p.Job.Account);
        }

        for (var i = 0; i < carried.Count; i++)
        {
            if (Fits(carried[i]))
            {
                batch.Add(carried[i]);
                accounts.Add(carried[i].Job.Account);
                carried.RemoveAt(i--);
            }
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_options.MaxBatchWait.TotalSeconds * Stopwatch.Frequency);
        while (batch.Count < _options.MaxBatchAccounts)
        {
            while (batch.Count < _options.MaxBatchAccounts && _queue.Reader.TryRead(out var next))
            {
                if (Fits(next))
                {
                    batch.Add(next);
                    accounts.Add(next.Job.Account);
                }
                else
                {
                    carried.Add(next);
                }
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count >= _options.MaxBatchAccounts || left <= TimeSpan.Zero)
            {
                break;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            wait.CancelAfter(left < _options.MaxBatchIdle ? left : _options.MaxBatchIdle);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(wait.Token))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                break;
            }
        }

        return batch;
    }

    private void Price(List<Pending> batch)
    {
        try
        {
            var results = BatchPricing.Price(_accelerator, batch.Select(p => p.Job).ToList());
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _accounts, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception error)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private sealed record Pending(MarginJob Job, TaskCompletionSource<AccountResult> Completion);
}
