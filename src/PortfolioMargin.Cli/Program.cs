using System.CommandLine;
using PortfolioMargin.Cli;

// Words, not the parse: a failure while parsing is reported by the same rule.
VerbErrors.Verbose = args.Contains(VerbErrors.VerboseOption);
try
{
    // `pm help VERB` is `pm VERB --help`, and `pm` alone lists the verbs.
    if (args is ["help", .. var verb])
    {
        args = [.. verb, "--help"];
    }
    else if (args.Length == 0)
    {
        args = ["--help"];
    }

    var parse = CommandLine.Build().Parse(args);

    // A usage error is exit 2 with one line per problem naming the option and the form it expects, before anything runs.
    if (parse.Errors.Count > 0)
    {
        foreach (var line in UsageErrors.Describe(parse))
        {
            Console.Error.WriteLine($"error: {line}");
        }

        return RunCommand.BadInput;
    }

    // InvokeAsync: Ctrl+C and SIGTERM cancel the action's token (the run stops and writes nothing) instead of killing
    // the process. Its own exception handler would print "Unhandled exception" and the stack trace. Its own default
    // gives the action 2 s to unwind before it exits 130 anyway; on a loaded machine the embedded silo's cancel and
    // shutdown can take longer (the run grain is told to cancel, bounded at 3 s), and that exit skipped the
    // "interrupted" line and the staging folder's removal. 4 s still stops within seconds, as the docs promise.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(4) });
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM through a verb that does not catch its cancellation.
    return StopSignal.Report(Console.Error);
}
catch (Exception error)
{
    // What a verb did not catch itself: one line and exit code by the rule every verb follows.
    return VerbErrors.Report(error, Console.Error);
}
