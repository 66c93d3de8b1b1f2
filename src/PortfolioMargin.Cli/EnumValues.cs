using System.CommandLine;

namespace PortfolioMargin.Cli;

/// <summary>
/// Options that take a name (--device, --fill) complete and show it in lower case, as the docs write it and as
/// scripts type it; System.CommandLine offers the enum's own spelling (Cpu, OpenCL), which a shell's
/// case-sensitive completion then filters out. Parsing stays case-insensitive.
/// </summary>
internal static class EnumValues
{
    public static void InLowerCase(Command command)
    {
        foreach (var option in command.Options)
        {
            if ((Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is { IsEnum: true } type)
            {
                var names = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToArray();
                option.HelpName = string.Join('|', names);
                option.CompletionSources.Clear();
                option.CompletionSources.Add(names);
            }
        }

        foreach (var verb in command.Subcommands)
        {
            InLowerCase(verb);
        }
    }
}
