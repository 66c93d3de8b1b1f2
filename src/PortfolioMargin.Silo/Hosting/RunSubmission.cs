using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A client's side of an end-of-day run: submit, then wait, and keep waiting through the loss of the silo that
/// hosts the run grain. After a failed call the request is submitted again: runs are idempotent, so this finds the
/// run where it is (Orleans activates the run grain on a live silo, which resumes from its last checkpoint when
/// its storage survived the silo, as Redis does) or starts it afresh where the state went with the silo (memory
/// storage), and either way every account ends up priced once.
/// </summary>
public static class RunSubmission
{
    /// <summary>Failed calls in a row before the client gives up: enough to outlast Orleans' failure detection.</summary>
    public const int MaxFailedCalls = 12;

    /// <summary>Re-submissions of a run that stopped on an error before the error is reported.</summary>
    public const int MaxRestarts = 3;

    public static async Task<MarginRunStatus> SubmitAndWaitAsync(
        IGrainFactory grains, MarginRunRequest request, Action<MarginRunStatus> progress, TimeSpan poll, CancellationToken cancellation)
    {
        var run = grains.GetGrain<IMarginRunGrain>(request.RunId);
        MarginRunStatus? status = null;
        var failedCalls = 0;
        var restarts = 0;
        var resubmit = true;
        while (status is not { Phase: RunPhase.Completed })
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                status = resubmit ? await run.Submit(request) : await run.WaitForCompletion(poll);
                failedCalls = 0;
                resubmit = false;
            }
            catch (Exception error) when (error is not MarginRequestException && ++failedCalls < MaxFailedCalls)
            {
                resubmit = true;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 << Math.Min(failedCalls, 6))), cancellation);
                continue;
            }

            if (status.StoppedBy is { } stop)
            {
                if (++restarts > MaxRestarts)
                {
                    throw new MarginRequestException($"run '{request.RunId}' stopped: {stop}");
                }

                resubmit = true;
            }

            if (status.Phase != RunPhase.Completed)
            {
                progress(status);
            }
        }

        return status;
    }
}
