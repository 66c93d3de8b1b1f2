using System.Text;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

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
        var i = StartsWithByteOrderMark(text) ? 1 : 0;
        while (i <= text.Length)
        {
            var recordLine = line;
            ReadRecord(text, ref i, ref line, fields, field, fileName);
            if (!IsBlank(fields))
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }
        }

        return records;
    }

    /// <summary>
    /// Reads the record that starts at <paramref name="i"/> (at most <c>text.Length</c>: the end of the text ends a
    /// last, possibly blank, record) into <paramref name="fields"/>, and moves <paramref name="i"/> and
    /// <paramref name="line"/> past its line end.
    /// </summary>
    public static void ReadRecord(string text, ref int i, ref int line, List<string> fields, StringBuilder field, string fileName)
    {
        fields.Clear();
        field.Clear();
        while (true)
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
                i = SkipLineEnd(text, i);
                line++;
                return;
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
    }

    public static bool StartsWithByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF';

    public static bool IsBlank(List<string> fields) => fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);

    /// <summary>The index just past the line end at <paramref name="i"/> (CRLF is one line end).</summary>
    public static int SkipLineEnd(string text, int i) =>
        i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? i + 2 : i + 1;

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

    private static bool IsLineEnd(string text, int i) => text[i] is '\n' or '\r';
}
