using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The market history's columns, named in any order: the CSV's header and the Parquet file's schema are held to the
/// same set, so a misspelt column is an error in either format rather than a value silently left at 0.
/// </summary>
internal static class MarketHistoryColumns
{
    public static IReadOnlyList<string> Required { get; } = ["date", "underlying", "spot", "atmVol"];

    public static IReadOnlyList<string> Optional { get; } = ["dividendYield", "skew", "smile", "volOfVol", "spotVolCorrelation", "rate"];

    /// <summary>The names, trimmed, once each checked against <see cref="Required"/> and <see cref="Optional"/>.</summary>
    /// <param name="line">The header's line, or 0 where the header is the file's schema (Parquet).</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> header, string fileName, int line)
    {
        var names = header.Select(f => f.Trim()).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            if (!Required.Contains(names[i], StringComparer.Ordinal) && !Optional.Contains(names[i], StringComparer.Ordinal))
            {
                throw new InputException(fileName, line, names[i], $"unexpected column {i + 1}; expected {Expected}");
            }

            if (Array.IndexOf(names, names[i]) != i)
            {
                throw new InputException(fileName, line, names[i], $"column appears twice (columns {Array.IndexOf(names, names[i]) + 1} and {i + 1})");
            }
        }

        foreach (var column in Required)
        {
            if (!names.Contains(column, StringComparer.Ordinal))
            {
                throw new InputException(fileName, line, column, $"missing column; expected {Expected}");
            }
        }

        return names;
    }

    private static string Expected => $"{string.Join(",", Required)} and optionally {string.Join(",", Optional)}";
}
