using System.Runtime.InteropServices;

namespace PortfolioMargin.Cli;

/// <summary>
/// Which signal stopped a command, for its exit code as shells report it: Ctrl+C (SIGINT) 130, SIGTERM 143.
/// System.CommandLine turns both into the action's cancellation; this only remembers which one it was.
/// </summary>
internal static class StopSignal
{
    public const int Interrupted = 130;

    public const int Terminated = 143;

    private static volatile bool _terminated;

    private static PosixSignalRegistration? _registration;

    /// <summary>
    /// Starts noting SIGTERM; the signal's own handling (cancelling the command) goes on as before. Call it from
    /// the command's action: registrations run newest first, so this one runs before the one that cancels.
    /// </summary>
    public static void Watch() => _registration ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _terminated = true);

    public const string InterruptedMessage = "interrupted: the run was cancelled and nothing was written";

    /// <summary>The exit code of a command its cancellation stopped.</summary>
    public static int ExitCode => _terminated ? Terminated : Interrupted;

    /// <summary>What every verb does once its cancellation has stopped it: says so in one line, and returns <see cref="ExitCode"/>.</summary>
    public static int Report(TextWriter stderr)
    {
        stderr.WriteLine(InterruptedMessage);
        return ExitCode;
    }
}
