using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PortfolioMargin.Cli;

/// <summary>
/// The help of a subcommand with its own words only. System.CommandLine writes a parent's arguments into its
/// subcommands' usage and argument list (`pm bench &lt;book&gt; generate &lt;out&gt; &lt;size&gt;`), though `pm bench
/// generate` takes no book; its help builder is internal, so the parents' arguments are hidden while it writes.
/// </summary>
internal sealed class SubcommandHelp(SynchronousCommandLineAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new SubcommandHelp((SynchronousCommandLineAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var inherited = Ancestors(parseResult.CommandResult.Command).SelectMany(c => c.Arguments).Where(a => !a.Hidden).ToList();
        inherited.ForEach(a => a.Hidden = true);
        try
        {
            return standard.Invoke(parseResult);
        }
        finally
        {
            inherited.ForEach(a => a.Hidden = false);
        }
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }
}
