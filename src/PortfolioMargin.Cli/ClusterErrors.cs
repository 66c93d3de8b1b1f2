using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Cli;

/// <summary>
/// The exit codes of the cluster verbs, as `pm run`'s: a bad input or a refused request is 2, a cluster or I/O
/// failure 1, each with one line on stderr.
/// </summary>
public static class ClusterErrors
{
    public static async Task<int> ExitCodeOfAsync(Func<Task<int>> body, TextWriter stderr)
    {
        try
        {
            return await body();
        }
        catch (Exception error) when (error is InputException or MarginRequestException)
        {
            stderr.WriteLine($"error: {error.Message}");
            return RunCommand.BadInput;
        }
        catch (Exception error) when (error is OrleansException or IOException or TimeoutException or InvalidOperationException)
        {
            stderr.WriteLine($"error: {error.Message}");
            return RunCommand.Failure;
        }
    }
}
