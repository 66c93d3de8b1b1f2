using System.Text.RegularExpressions;

namespace PortfolioMargin.Cli;

/// <summary>System.CommandLine's parse errors in the words of the option, not of .NET's type names.</summary>
internal static partial class UsageErrors
{
    public static string Describe(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var (value, option, type) = (match.Groups["value"].Value, match.Groups["option"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            _ when type.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("System.UInt64", StringComparison.Ordinal) => "a whole number from 0 to 18446744073709551615",
            _ when type.Contains("System.Double", StringComparison.Ordinal) => "a number",
            _ when type.Contains("DeviceKind", StringComparison.Ordinal) => "one of auto, cuda, opencl, cpu, host",
            _ => "of another form (see --help)",
        };
        return $"option '{option}': '{value}' is not {expected}";
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();
}
