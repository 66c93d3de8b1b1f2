using Microsoft.Extensions.Options;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Hosting;

namespace PortfolioMargin.Cli;

/// <summary>
/// The one rule every verb reports a failure by: bad input, a bad setting or a refused request is exit 2, anything
/// else 1; always one line on stderr, the stack trace only with --verbose. The verbs catch what they expect (and
/// clean up); Program.cs hands this whatever escapes them, so no failure reaches the user as "Unhandled exception".
/// </summary>
internal static class VerbErrors
{
    public const string VerboseOption = "--verbose";

    /// <summary>Set once from the command line, before any verb runs.</summary>
    public static bool Verbose { get; set; }

    public static bool IsBadInput(Exception error) =>
        error is InputException or OptionsValidationException or MarginRequestException or NonFiniteResultException or MemoryBudgetException;

    /// <summary>A failure whose message says all a user needs: printed as it is.</summary>
    public static bool IsExpected(Exception error) => IsBadInput(error) || error is MarginOutputException or MarginRunFailedException
        or OrleansException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException or ArgumentException;

    /// <summary>Writes the failure's line (and with --verbose its trace) and returns its exit code.</summary>
    public static int Report(Exception error, TextWriter stderr)
    {
        // Anything else is a defect of pm: its type says which, for the report a user files.
        stderr.WriteLine(IsExpected(error)
            ? $"error: {error.Message}"
            : $"error: unexpected {error.GetType().Name}: {error.Message} (run again with {VerboseOption} for the stack trace)");
        if (Verbose)
        {
            stderr.WriteLine(error);
        }

        return IsBadInput(error) ? RunCommand.BadInput : RunCommand.Failure;
    }
}
