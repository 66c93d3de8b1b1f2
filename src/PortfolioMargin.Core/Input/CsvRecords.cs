using System.Text;

namespace PortfolioMargin.Core.Input;

/// <summary>One CSV record: its fields and the 1-based line it starts on (a quoted field may span lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 splitter: comma-separated, a field that starts with a quote may contain commas, line breaks and
/// doubled quotes. Lenient where RFC 4180 is strict but the intent is plain: LF, CRLF or CR line ends, a quote inside an
/// unquoted field is kept as text. Blank lines are skipped, so a trailing newline or spacing between blocks is harmless.
/// </summary>
internal static class CsvRecords
{
    public static IReadOnlyList<CsvRecord> Read(string text, string fileName)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = StartsWithByteOrderMark(text) ? 1 : 0;
        while (i <= text.Length)
        {
            if (i < text.Length && text[i] == '"' && field.Length == 0)
            {
                i = ReadQuoted(text, i, field, ref line, fileName);
                if (i < text.Length && text[i] != ',' && !IsLineEnd(text, i))
                {
                    throw new InputException(fileName, line, "", $"column {fields.Count + 1}: unexpected '{text[i]}' after a closing quote");
                }

                continue;
            }

            if (i == text.Length || IsLineEnd(text, i))
            {
                fields.Add(field.ToString());
                field.Clear();
                if (!IsBlank(fields))
                {
                    records.Add(new CsvRecord(recordLine, fields.ToArray()));
                }

                fields.Clear();
                i = SkipLineEnd(text, i);
                line++;
                recordLine = line;
                continue;
            }

            if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(text[i]);
            }

            i++;
        }

        return records;
    }

    /// <summary>Reads a quoted field starting at the opening quote; returns the index just past the closing quote.</summary>
    private static int ReadQuoted(string text, int open, StringBuilder field, ref int line, string fileName)
    {
        var openLine = line;
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (text[i] == '\n')
            {
                line++;
            }

            field.Append(text[i]);
            i++;
        }

        throw new InputException(fileName, openLine, "", "quoted field is never closed");
    }

    private static bool StartsWithByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF';

    private static bool IsLineEnd(string text, int i) => text[i] is '\n' or '\r';

    private static int SkipLineEnd(string text, int i) =>
        i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? i + 2 : i + 1;

    private static bool IsBlank(List<string> fields) => fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);
}
