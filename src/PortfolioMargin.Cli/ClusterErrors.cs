namespace PortfolioMargin.Cli;

/// <summary>
/// The exit codes of the cluster verbs, as `pm run --direct`'s: a bad input, a bad cluster setting or a refused
/// request is 2; an output folder that cannot be used, a run that failed, a cluster or I/O failure 1; an interrupt
/// 130; each with one line on stderr.
/// </summary>
internal static class ClusterErrors
{
    public static async Task<int> ExitCodeOfAsync(Func<Task<int>> body, TextWriter stderr)
    {
        StopSignal.Watch();
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            return StopSignal.Report(stderr);
        }
        catch (Exception error) when (VerbErrors.IsExpected(error))
        {
            return VerbErrors.Report(error, stderr);
        }
    }
}
