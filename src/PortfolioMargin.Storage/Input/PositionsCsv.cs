using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The positions file as CSV: the header of <see cref="PositionFields.Columns"/>, then one position per line.
/// Large files are parsed in line-aligned blocks on all cores; errors are the ones a front-to-back read reports:
/// a broken quote anywhere first, then the header, then the first bad row.
/// </summary>
public static class PositionsCsv
{
    /// <summary>
    /// About this many characters a block (some 20,000 rows): many more blocks than cores, so that the cores stay evenly
    /// loaded when other work shares the machine, yet few enough that counting their lines costs next to nothing.
    /// </summary>
    private const int BlockSize = 1 << 20;

    public static IReadOnlyList<Position> Parse(string text, string fileName) => Parse([text], fileName);

    /// <summary>
    /// The file as consecutive segments that each end on a record's end (<see cref="TextSegments"/>), parsed one
    /// after the other, so that only one segment's text is held at a time; the result and the errors are those of
    /// the whole text at once. After the first bad row the later segments are only scanned for a broken quote.
    /// </summary>
    public static IReadOnlyList<Position> Parse(IEnumerable<string> segments, string fileName)
    {
        var parts = new List<Position[]>();
        InputException? error = null;
        CsvRecord? header = null;
        var line = 1;
        var first = true;
        foreach (var text in segments)
        {
            var i = first && CsvRecords.StartsWithByteOrderMark(text) ? 1 : 0;
            first = false;
            var segmentLine = line;
            line += LineBlocks.CountLineEnds(text.AsSpan(i));
            if (header is null)
            {
                header = ReadHeader(text, ref i, ref segmentLine, fileName);
                if (header is null)
                {
                    continue;
                }

                try
                {
                    CsvHeader.Check(header.Fields, PositionFields.Columns, fileName, header.Line);
                }
                catch (InputException e)
                {
                    error = e;
                }
            }

            if (error is not null)
            {
                new PositionBlock(text, i, text.Length, segmentLine, fileName).CheckQuotes();
                continue;
            }

            var blocks = Blocks(text, i, segmentLine, fileName);
            if (blocks.Length == 1)
            {
                // Only this case can meet a quote, and its errors must reach the caller as thrown, not wrapped in an AggregateException.
                blocks[0].Parse();
            }
            else
            {
                Parallel.ForEach(blocks, block => block.Parse());
            }

            error = blocks.Select(block => block.Error).FirstOrDefault(e => e is not null);
            parts.Add([.. blocks.SelectMany(block => block.Positions)]);
        }

        if (header is null)
        {
            throw new InputException(fileName, 0, "", "file is empty; expected a header and at least one position");
        }

        if (error is not null)
        {
            throw error;
        }

        var positions = new Position[parts.Sum(part => part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(positions, offset);
            offset += part.Length;
        }

        return positions.Length > 0 ? positions : throw new InputException(fileName, 0, "", "file has a header but no positions");
    }

    /// <summary>The first record that is not blank, or null if there is none.</summary>
    private static CsvRecord? ReadHeader(string text, ref int i, ref int line, string fileName)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (i <= text.Length)
        {
            var recordLine = line;
            CsvRecords.ReadRecord(text, ref i, ref line, fields, field, fileName);
            if (!CsvRecords.IsBlank(fields))
            {
                return new CsvRecord(recordLine, fields.ToArray());
            }
        }

        return null;
    }

    private static PositionBlock[] Blocks(string text, int start, int firstLine, string fileName)
    {
        var length = text.Length - start;
        var lineBlocks = length >= BlockSize
            ? LineBlocks.Split(text, start, firstLine, Math.Max(4 * Environment.ProcessorCount, length / BlockSize))
            : null;
        return lineBlocks is null
            ? [new PositionBlock(text, start, text.Length, firstLine, fileName)]
            : lineBlocks.Select(b => new PositionBlock(text, b.Start, b.End, b.FirstLine, fileName, b.LineCount)).ToArray();
    }
}
