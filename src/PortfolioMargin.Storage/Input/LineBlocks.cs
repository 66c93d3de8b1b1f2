namespace PortfolioMargin.Storage.Input;

/// <summary>A stretch of text that starts at the start of a line, with that line's 1-based number.</summary>
internal readonly record struct LineBlock(int Start, int End, int FirstLine, int LineCount);

/// <summary>
/// Cuts text into stretches that each end just after a '\n', so that they can be parsed at the same time, and numbers
/// each one's first line by counting the line ends before it (CR, LF and CRLF each end one line).
/// </summary>
internal static class LineBlocks
{
    /// <returns>
    /// The stretches in order, or null if the text holds a quote: a quoted field may hold a line break, so a cut
    /// after a '\n' could fall inside a record and the text must be read from the start.
    /// </returns>
    public static LineBlock[]? Split(string text, int start, int firstLine, int count)
    {
        var ends = new List<int>();
        var size = (text.Length - start) / count;
        var from = start;
        while (ends.Count < count - 1 && from + size < text.Length)
        {
            var cut = text.IndexOf('\n', from + size);
            if (cut < 0)
            {
                break;
            }

            from = cut + 1;
            ends.Add(from);
        }

        ends.Add(text.Length);
        var lineCounts = new int[ends.Count];
        var hasQuote = false;
        Parallel.For(0, ends.Count, b =>
        {
            var stretch = text.AsSpan()[(b == 0 ? start : ends[b - 1])..ends[b]];
            if (stretch.Contains('"'))
            {
                hasQuote = true;
            }

            lineCounts[b] = CountLineEnds(stretch);
        });

        if (hasQuote)
        {
            return null;
        }

        var blocks = new LineBlock[ends.Count];
        var line = firstLine;
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = new LineBlock(b == 0 ? start : ends[b - 1], ends[b], line, lineCounts[b]);
            line += lineCounts[b];
        }

        return blocks;
    }

    /// <summary>Line ends in the text: CR, LF and CRLF each end one line.</summary>
    public static int CountLineEnds(ReadOnlySpan<char> text)
    {
        var feeds = text.Count('\n');
        var returns = text.Count('\r');
        return returns == 0 ? feeds : feeds + returns - text.Count("\r\n");
    }
}
