using System.CommandLine;
using PortfolioMargin.Cli;

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

// A usage error is exit 2 with one line per problem naming the option, before anything runs.
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {UsageErrors.Describe(error.Message)}");
    }

    Console.Error.WriteLine("usage: pm --help, or pm VERB --help");
    return RunCommand.BadInput;
}

// InvokeAsync: Ctrl+C and SIGTERM cancel the action's token (the run stops and writes nothing) instead of killing the process.
// System.CommandLine's own default gives the action 2 s to unwind before it exits 130 anyway; on a loaded machine the
// embedded silo's cancel and shutdown can take longer (the run grain is told to cancel, bounded at 3 s), and that exit
// skipped the "interrupted" line and the staging folder's removal. 4 s still stops within seconds, as the docs promise.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(4) });
