using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A client's side of an end-of-day run: submit, then wait, and keep waiting through the loss of the silo that
/// hosts the run grain. After a failed call the request is submitted again: runs are idempotent, so this finds the
/// run where it is, or starts it again on a live silo where its activation went with its silo; either way every
/// account ends up priced once and the book is written once. Cancelling the token cancels the run.
/// </summary>
public static class RunSubmission
{
    /// <summary>Failed calls in a row before the client gives up: enough to outlast Orleans' failure detection.</summary>
    public const int MaxFailedCalls = 12;

    /// <summary>Re-submissions of a run that stopped on an error before the error is reported.</summary>
    public const int MaxRestarts = 3;

    /// <param name="waitForAccounts">
    /// Also wait until every account grain holds the run's results (intraday moves need them); a one-off
    /// `pm run` whose embedded silo ends with the process has no use for them.
    /// </param>
    public static async Task<MarginRunStatus> SubmitAndWaitAsync(
        IGrainFactory grains, MarginRunRequest request, Action<MarginRunStatus> progress, TimeSpan poll, CancellationToken cancellation,
        bool waitForAccounts = true)
    {
        var run = grains.GetGrain<IMarginRunGrain>(request.RunId);
        try
        {
            return await WaitAsync(run, request, progress, poll, waitForAccounts, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stop the shards and the writer too: an interrupted run leaves nothing in its folder.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await run.Cancel().WaitAsync(bounded.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or TimeoutException or OrleansException)
            {
                // The caller is stopping either way.
            }

            throw;
        }
    }

    private static async Task<MarginRunStatus> WaitAsync(
        IMarginRunGrain run, MarginRunRequest request, Action<MarginRunStatus> progress, TimeSpan poll, bool waitForAccounts, CancellationToken cancellation)
    {
        MarginRunStatus? status = null;
        var failedCalls = 0;
        var restarts = 0;
        var resubmit = true;
        while (status is null || !Done(status, waitForAccounts))
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                status = resubmit ? await run.Submit(request).WaitAsync(cancellation) : await run.WaitForCompletion(poll).WaitAsync(cancellation);
                failedCalls = 0;
                resubmit = false;
            }
            catch (Exception error) when (error is not (MarginRequestException or MarginOutputException or OperationCanceledException) && ++failedCalls < MaxFailedCalls)
            {
                resubmit = true;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 << Math.Min(failedCalls, 6))), cancellation);
                continue;
            }

            if (status.StoppedBy is { } stop)
            {
                if (status.StoppedByInput)
                {
                    // The book itself: bad input (exit 2), like the same failure on the direct path.
                    throw new MarginRequestException($"run '{request.RunId}' stopped: {stop}");
                }

                if (status.StoppedForGood || ++restarts > MaxRestarts)
                {
                    throw new MarginRunFailedException($"run '{request.RunId}' stopped: {stop}");
                }

                resubmit = true;
            }

            // The last status too, so that a progress line ends at 100%.
            progress(status);
        }

        return status;
    }

    private static bool Done(MarginRunStatus status, bool waitForAccounts) =>
        status.Phase == RunPhase.Completed && (status.AccountsUpdated || !waitForAccounts);
}

/// <summary>A run that stopped on an error and was not completed: nothing was written (exit 1).</summary>
public sealed class MarginRunFailedException(string message) : Exception(message);
