using PortfolioMargin.Core.Input;
namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Checks that a header names exactly the expected columns in the expected order. Missing and extra columns are
/// reported by name before order, because a misspelt column shows up as one of each and the name is the useful clue.
/// </summary>
internal static class CsvHeader
{
    /// <param name="line">The header's line, or 0 for formats where the header is the file's schema (Parquet).</param>
    public static void Check(IReadOnlyList<string> header, IReadOnlyList<string> expected, string fileName, int line)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        foreach (var column in expected)
        {
            if (!names.Contains(column, StringComparer.Ordinal))
            {
                throw new InputException(fileName, line, column, $"missing column; expected columns are {string.Join(",", expected)}");
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!expected.Contains(names[i], StringComparer.Ordinal))
            {
                throw new InputException(fileName, line, names[i], $"unexpected column {i + 1}; expected columns are {string.Join(",", expected)}");
            }

            if (Array.IndexOf(names, names[i]) != i)
            {
                throw new InputException(fileName, line, names[i], $"column appears twice (columns {Array.IndexOf(names, names[i]) + 1} and {i + 1})");
            }
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!string.Equals(names[i], expected[i], StringComparison.Ordinal))
            {
                throw new InputException(fileName, line, names[i], $"column {i + 1} should be '{expected[i]}'; expected columns are {string.Join(",", expected)}");
            }
        }
    }
}
