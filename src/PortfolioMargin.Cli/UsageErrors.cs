using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace PortfolioMargin.Cli;

/// <summary>System.CommandLine's parse errors in the words of the option and the form it expects, not of .NET's type names.</summary>
internal static partial class UsageErrors
{
    /// <summary>One line per problem, each ending with where the verb's options are described.</summary>
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var help = $"see {string.Join(" ", Verbs(parse.CommandResult))} --help";
        return parse.Errors.Select(error => $"{Describe(error)}; {help}");
    }

    public static string Describe(ParseError error)
    {
        var option = (error.SymbolResult as OptionResult)?.Option;
        if (CannotParse().Match(error.Message) is { Success: true } match)
        {
            var (value, name, type) = (match.Groups["value"].Value, match.Groups["option"].Value, match.Groups["type"].Value);
            return $"option '{name}': '{value}' is not {(option is null ? ExpectedByName(type) : Expected(option.ValueType))}";
        }

        // A required option that was not given at all (`pm intraday` without --market-update).
        if (option is not null && error.SymbolResult is OptionResult { IdentifierTokenCount: 0 })
        {
            return $"option '{option.Name}' is required: {Expected(option.ValueType)}";
        }

        // "Required argument missing for option": the option is there without (all of) its values.
        if (option is not null && error.SymbolResult!.Tokens.Count is var count && count < option.Arity.MinimumNumberOfValues)
        {
            var form = option.ValueType.IsArray ? $"{option.Arity.MinimumNumberOfValues} {Expected(option.ValueType)}" : Expected(option.ValueType);
            return $"option '{option.Name}': {(count == 0 ? "no value" : $"{count} of its values")} given; expected {form}";
        }

        if (Unrecognized().Match(error.Message) is { Success: true, Groups: var unrecognized })
        {
            var word = unrecognized["word"].Value;
            return word.StartsWith('-') ? $"unknown option '{word}'"
                : error.SymbolResult is CommandResult { Command: RootCommand } ? $"unknown verb '{word}'"
                : $"unexpected argument '{word}'";
        }

        if (MissingArgument().Match(error.Message) is { Success: true, Groups: var missing })
        {
            return $"missing argument <{missing["argument"].Value}>";
        }

        // System.CommandLine's sentences end with a full stop; the line goes on.
        return error.Message.TrimEnd('.');
    }

    /// <summary>The form a value of this type is written in, as a user would say it.</summary>
    public static string Expected(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            _ when value == typeof(int) => "a whole number",
            _ when value == typeof(ulong) => "a whole number from 0 to 18446744073709551615",
            _ when value == typeof(double) => "a number",
            _ when value == typeof(double[]) => "numbers",
            _ when value == typeof(FileInfo) => "a file path",
            _ when value == typeof(DirectoryInfo) => "a folder path",
            _ when value == typeof(string) => "a value",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(value).Select(n => n.ToLowerInvariant()))}",
            _ => "of another form (see --help)",
        };
    }

    /// <summary>For an error that names a type but no option the parser can give back.</summary>
    private static string ExpectedByName(string type) => type switch
    {
        _ when type.Contains("System.Int32", StringComparison.Ordinal) => Expected(typeof(int)),
        _ when type.Contains("System.UInt64", StringComparison.Ordinal) => Expected(typeof(ulong)),
        _ when type.Contains("System.Double", StringComparison.Ordinal) => Expected(typeof(double)),
        _ => "of another form",
    };

    /// <summary>`pm`, then each verb down to the one the error is in.</summary>
    private static IEnumerable<string> Verbs(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var verb })
            {
                names.Push(verb is RootCommand ? "pm" : verb.Name);
            }
        }

        return names;
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Unrecognized command or argument '(?<word>.*)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex("^Required argument '(?<argument>[^']+)' missing for command")]
    private static partial Regex MissingArgument();
}
