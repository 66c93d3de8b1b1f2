using System.Runtime.CompilerServices;
using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The positions in one stretch of the text that starts at the start of a line. A line with no quote in it (nearly all
/// of them) is split in place; a line with one goes through <see cref="CsvRecords"/>, whose record may run on over
/// later lines. A bad row stops the parse but not the scan: a broken quote anywhere in the file is reported ahead of
/// any row, as it always has been, so the rest of the stretch is still checked for one.
/// </summary>
internal sealed class PositionBlock(string text, int start, int end, int firstLine, string fileName, int expectedRows = 0)
{
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();

    public List<Position> Positions { get; } = new(expectedRows);

    /// <summary>The first bad row of the stretch, if any; a broken quote is thrown instead.</summary>
    public InputException? Error { get; private set; }

    // AggressiveOptimization here and on the per-cell methods: a load runs them once per process, ten million times over,
    // and measured 20-30% faster compiled fully at once than going through the JIT's tiers while the load runs.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse()
    {
        var accounts = new StringPool();
        var underlyings = new StringPool();
        var i = start;
        var line = firstLine;
        while (i < end && Error is null)
        {
            var lineText = LineAt(i);
            if (lineText.Contains('"'))
            {
                ParseQuotedRecord(ref i, ref line);
                continue;
            }

            try
            {
                var fieldCount = PositionCells.Split(lineText, out var cells);
                if (fieldCount != 1 || !lineText.IsWhiteSpace())
                {
                    PositionFields.CheckFieldCount(fieldCount, fileName, line);
                    Positions.Add(PositionFields.Parse(cells, new RowLocation(fileName, line), accounts, underlyings));
                }
            }
            catch (InputException e)
            {
                Error = e;
            }

            i = CsvRecords.SkipLineEnd(text, i + lineText.Length);
            line++;
        }

        if (Error is not null)
        {
            CheckQuotes(i, line);
        }
    }

    /// <summary>Only scans the stretch for a broken quote (and throws it), for when an earlier problem already stops the parse.</summary>
    public void CheckQuotes() => CheckQuotes(start, firstLine);

    private void ParseQuotedRecord(ref int i, ref int line)
    {
        var recordLine = line;
        CsvRecords.ReadRecord(text, ref i, ref line, _fields, _field, fileName);
        if (CsvRecords.IsBlank(_fields))
        {
            return;
        }

        try
        {
            Positions.Add(PositionFields.Parse(_fields, fileName, recordLine));
        }
        catch (InputException e)
        {
            Error = e;
        }
    }

    /// <summary>Reads the records that hold a quote from <paramref name="i"/> to the end, for the errors they may throw.</summary>
    private void CheckQuotes(int i, int line)
    {
        while (i < end)
        {
            var lineText = LineAt(i);
            if (lineText.Contains('"'))
            {
                CsvRecords.ReadRecord(text, ref i, ref line, _fields, _field, fileName);
                continue;
            }

            i = CsvRecords.SkipLineEnd(text, i + lineText.Length);
            line++;
        }
    }

    private ReadOnlySpan<char> LineAt(int i)
    {
        var rest = text.AsSpan(i, end - i);
        var length = rest.IndexOfAny('\r', '\n');
        return length < 0 ? rest : rest[..length];
    }
}
