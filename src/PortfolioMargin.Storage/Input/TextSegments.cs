using System.Security.Cryptography;
using System.Text;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A CSV input read as a stream of text segments, each ending just after a line break that lies outside any quoted
/// field, so that every segment holds whole records and can be parsed on its own: memory follows the segment size
/// and the parsed book, not the file's bytes, and a pipe or standard input reads like a file. The bytes are hashed
/// as they pass. Byte-order marks are honoured as a StreamReader would (UTF-8, UTF-16 either way round); without one
/// the text is UTF-8, and invalid bytes become U+FFFD either way, also across the reads' boundaries.
/// </summary>
internal static class TextSegments
{
    /// <summary>About this many characters a segment (64 MB of text): large enough to keep every core busy parsing it.</summary>
    public const int DefaultSegmentChars = 1 << 25;

    /// <summary>
    /// Past this many characters without a line break outside quotes, the text is not CSV a person wrote: most
    /// likely a quote opened and never closed.
    /// </summary>
    public const int MaxRecordChars = 1 << 28;

    /// <param name="hash">Takes every byte read, in order.</param>
    /// <param name="maxRecordChars">Past this many characters without a place to cut, the read stops with an error.</param>
    /// <param name="readBytes">Bytes read at a time (1 MiB).</param>
    public static IEnumerable<string> Read(
        Stream stream, string path, IncrementalHash hash, int segmentChars = DefaultSegmentChars, int maxRecordChars = MaxRecordChars, int readBytes = 1 << 20)
    {
        var bytes = new byte[readBytes];
        // Two reads' worth at first: a small file never takes a whole segment's buffer.
        var chars = new char[2 * readBytes];
        var length = 0;
        var scanned = 0;
        var cut = 0;
        var inQuote = false; // at index scanned
        var line = 1;
        Decoder? decoder = null;
        while (true)
        {
            var read = ReadSome(stream, bytes, path);
            hash.AppendData(bytes, 0, read);
            var offset = 0;
            if (decoder is null)
            {
                var (encoding, mark) = EncodingOf(bytes.AsSpan(0, read));
                (decoder, offset) = (encoding.GetDecoder(), mark);
            }

            var flush = read == 0;
            var needed = length + decoder.GetCharCount(bytes, offset, read - offset, flush);
            if (needed > chars.Length)
            {
                if (needed > (long)maxRecordChars + segmentChars)
                {
                    // The unfinished record starts at the last place one ended.
                    var open = line + LineBlocks.CountLineEnds(chars.AsSpan(0, cut));
                    throw new InputException(path, open, "", $"a record from line {open:N0} on runs past {maxRecordChars:N0} characters without ending: is a quote left open?");
                }

                // Straight to a segment and two reads, what whole records need (one copy, not a chain of doublings
                // that a big file would all keep until a full collection); past it, what a long record needs.
                Array.Resize(ref chars, Math.Max(needed, segmentChars + 2 * bytes.Length));
            }

            length += decoder.GetChars(bytes, offset, read - offset, chars, length, flush);
            (scanned, cut) = Scan(chars, scanned, length, cut, ref inQuote, flush);
            if (flush)
            {
                if (length > 0)
                {
                    yield return new string(chars, 0, length);
                }

                yield break;
            }

            if (cut >= segmentChars)
            {
                var segment = new string(chars, 0, cut);
                line += LineBlocks.CountLineEnds(segment);
                chars.AsSpan(cut, length - cut).CopyTo(chars);
                (length, scanned, cut) = (length - cut, scanned - cut, 0);
                yield return segment;
            }
        }
    }

    /// <summary>
    /// Scans [<paramref name="from"/>, <paramref name="length"/>) with the CSV reader's quoting rule (a quote opens a
    /// quoted field only at the field's start, "" inside one is a quote, the next lone quote closes it) and returns
    /// where the scan stopped and the last place a record may end: just after a '\n' outside quotes. Index 0 is
    /// always a record's start (the file's, or just after the last cut).
    /// </summary>
    private static (int Scanned, int Cut) Scan(char[] chars, int from, int length, int cut, ref bool inQuote, bool flush)
    {
        var p = from;
        while (p < length)
        {
            var k = chars.AsSpan(p, length - p).IndexOf('"');
            if (!inQuote)
            {
                var end = k < 0 ? length : p + k;
                var feed = chars.AsSpan(p, end - p).LastIndexOf('\n');
                if (feed >= 0)
                {
                    cut = p + feed + 1;
                }

                if (k < 0)
                {
                    return (length, cut);
                }

                inQuote = end == 0 || chars[end - 1] is ',' or '\n' or '\r';
                p = end + 1;
                continue;
            }

            if (k < 0)
            {
                return (length, cut);
            }

            var quote = p + k;
            if (quote + 1 == length && !flush)
            {
                // An escaped quote or the closing one: the next read tells.
                return (quote, cut);
            }

            if (quote + 1 < length && chars[quote + 1] == '"')
            {
                p = quote + 2;
                continue;
            }

            inQuote = false;
            p = quote + 1;
        }

        return (p, cut);
    }

    private static int ReadSome(Stream stream, byte[] into, string path)
    {
        try
        {
            // A pipe hands over what it has; fill the buffer so that each decode and scan covers a useful stretch.
            var total = 0;
            int read;
            while (total < into.Length && (read = stream.Read(into, total, into.Length - total)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (IOException e)
        {
            throw new InputException(path, 0, "", $"cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The encoding the first bytes' byte-order mark names (UTF-8, UTF-16 either way round; UTF-8 without one), and
    /// how many bytes the mark takes: for every text input, read whole or in segments.
    /// </summary>
    public static (Encoding Encoding, int MarkBytes) EncodingOf(ReadOnlySpan<byte> first) => first switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (Encoding.UTF8, 0),
    };
}
