using System.Security.Cryptography;
using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// A positions file read in segments of whole records reads as the whole text does: the same text, cut only where a
/// record ends, the same positions and the same errors, with every byte hashed.
/// </summary>
public sealed class TextSegmentsTests
{
    private const string File = "positions.csv";

    /// <summary>Small segments, so that a 2 MB book is cut some forty times, through its quoted, multi-line accounts too.</summary>
    private const int SegmentChars = 50_000;

    private static (List<string> Segments, byte[] Hash) Segments(byte[] bytes, int segmentChars = SegmentChars)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var segments = TextSegments.Read(new MemoryStream(bytes), File, hash, segmentChars, readBytes: 4_096).ToList();
        return (segments, hash.GetHashAndReset());
    }

    /// <summary>The generated book with accounts that hold a quote mid-field (a literal, not a quoted field) here and there.</summary>
    private static string Book(int seed)
    {
        var lines = PositionsCsvAgreementTests.GeneratedBook(seed, withQuotes: true).Split("\r\n");
        for (var k = 7; k < lines.Length; k += 997)
        {
            var comma = lines[k].IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && !lines[k].Contains('"', StringComparison.Ordinal))
            {
                lines[k] = "Q\"" + lines[k][1..];
            }
        }

        return string.Join("\r\n", lines);
    }

    [Fact]
    public void Segments_cut_only_where_a_record_ends_and_parse_as_the_whole_text()
    {
        var text = Book(seed: 5);
        var bytes = Encoding.UTF8.GetBytes(text);

        var (segments, hash) = Segments(bytes);

        Assert.True(segments.Count > 20, $"{segments.Count} segments");
        Assert.Equal(text, string.Concat(segments));
        Assert.Equal(SHA256.HashData(bytes), hash);
        Assert.All(segments.SkipLast(1), s => Assert.EndsWith("\n", s, StringComparison.Ordinal));
        Assert.Equal(PositionsCsv.Parse(text, File), PositionsCsv.Parse(segments, File));
    }

    [Fact]
    public void A_bad_row_in_a_late_segment_names_the_line_the_whole_text_names()
    {
        var lines = Book(seed: 9).Split("\r\n");
        lines[^50] = "A9,spot,U1,x,,,,";
        var text = string.Join("\r\n", lines);

        var whole = Assert.Throws<InputException>(() => PositionsCsv.Parse(text, File));
        var segmented = Assert.Throws<InputException>(() => PositionsCsv.Parse(Segments(Encoding.UTF8.GetBytes(text)).Segments, File));

        Assert.Equal((whole.Line, whole.Message), (segmented.Line, segmented.Message));
        Assert.True(segmented.Line > 50_000, $"line {segmented.Line}");
    }

    [Fact]
    public void A_broken_quote_in_a_later_segment_is_reported_ahead_of_an_earlier_bad_row()
    {
        var lines = PositionsCsvAgreementTests.GeneratedBook(seed: 17, withQuotes: false).Split("\r\n");
        lines[100] = "A9,spot,U1,x,,,,";
        lines[^100] = "A9,\"spot\"x,U1,1,,,,";
        var text = string.Join("\r\n", lines);

        var whole = Assert.Throws<InputException>(() => PositionsCsv.Parse(text, File));
        var segmented = Assert.Throws<InputException>(() => PositionsCsv.Parse(Segments(Encoding.UTF8.GetBytes(text)).Segments, File));

        Assert.Equal((whole.Line, whole.Message), (segmented.Line, segmented.Message));
        Assert.Equal(lines.Length - 99, segmented.Line);
    }

    [Fact]
    public void Characters_of_several_bytes_across_a_read_and_a_utf16_mark_decode_as_a_stream_reader_would()
    {
        // A three-byte character on every line, read 4 kB at a time, so that many fall across a read.
        var text = "account,type,underlying,quantity,multiplier,strike,expiry,right\n"
            + string.Concat(Enumerable.Range(0, 60_000).Select(i => $"€{i},spot,U1,1,,,,\n"));
        var utf8 = Encoding.UTF8.GetBytes(text);
        var utf16 = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray();

        Assert.Equal(text, string.Concat(Segments(utf8, 1 << 18).Segments));
        Assert.Equal(text, string.Concat(Segments(utf16, 1 << 18).Segments));
        Assert.Equal(text, string.Concat(Segments([.. Encoding.UTF8.GetPreamble(), .. utf8]).Segments));
        Assert.Empty(Segments([]).Segments);
    }

    [Fact]
    public void A_quote_never_closed_in_a_huge_file_stops_with_the_line_it_opened_on()
    {
        // Lines after an open quote never end a record: past the limit the reader says so instead of holding the file.
        var stream = new EndlessLines("account,type,underlying,quantity,multiplier,strike,expiry,right\nA1,spot,U1,1,,,,\n\"A2,spot\n");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var error = Assert.Throws<InputException>(() => TextSegments.Read(stream, File, hash, 1 << 16, maxRecordChars: 1 << 22, readBytes: 4_096).ToList());

        Assert.Equal(3, error.Line);
        Assert.Contains("quote left open", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A prefix, then "x\n" forever.</summary>
    private sealed class EndlessLines(string prefix) : Stream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var k = 0; k < count; k++, _position++)
            {
                buffer[offset + k] = _position < _prefix.Length ? _prefix[_position] : (_position - _prefix.Length) % 2 == 0 ? (byte)'x' : (byte)'\n';
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
