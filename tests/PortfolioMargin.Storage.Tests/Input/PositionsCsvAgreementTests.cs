using System.Globalization;
using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// The positions parser reads unquoted lines in place and large files in parallel blocks; these check it against
/// <see cref="ReferencePositionsCsv"/> on generated files big enough to be split (over a million characters).
/// </summary>
public class PositionsCsvAgreementTests
{
    private const string File = "positions.csv";

    private const string Header = "account,type,underlying,quantity,multiplier,strike,expiry,right";

    private const int Rows = 60_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fast_parse_gives_the_same_positions_as_the_reference(bool withQuotes)
    {
        var text = GeneratedBook(seed: 7, withQuotes);

        var expected = ReferencePositionsCsv.Parse(text, File);
        var actual = PositionsCsv.Parse(text, File);

        Assert.True(text.Length > 1_000_000 && expected.Count > Rows / 2);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(Bits(expected[i]), Bits(actual[i]));
        }
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("-0")]
    [InlineData("+2.50")]
    [InlineData("123456789.012345")]
    [InlineData("123456789012.3456789")]
    [InlineData("0.30000000000000004")]
    [InlineData("900719925474.0993")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("  42.125 ")]
    [InlineData("000000000000000.1")]
    public void Numbers_read_bit_for_bit_as_the_general_parser_reads_them(string quantity)
    {
        var text = $"{Header}\nA1,spot,SPX,{quantity},,,,";

        var expected = double.Parse(quantity, NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(PositionsCsv.Parse(text, File)[0].Quantity));
    }

    [Theory]
    [InlineData("quantity", "ten")]
    [InlineData("expiry", "2026-02-30")]
    [InlineData("type", "swap")]
    [InlineData("right", "straddle")]
    public void Error_deep_in_a_large_file_names_its_line_as_the_reference_does(string column, string badValue)
    {
        var lines = GeneratedBook(seed: 11, withQuotes: false).Split("\r\n");
        var badLine = 45_678;
        lines[badLine - 1] = column switch
        {
            "quantity" => $"A9,spot,U1,{badValue},,,,",
            "expiry" => $"A9,option,U1,1,100,50,{badValue},call",
            "type" => $"A9,{badValue},U1,1,,,,",
            _ => $"A9,option,U1,1,100,50,2027-01-15,{badValue}",
        };
        lines[badLine + 5_000] = "A9,spot,U1,1";
        var text = string.Join("\r\n", lines);

        var error = InputAssert.FailsAt(() => PositionsCsv.Parse(text, File), File, badLine, column);

        Assert.Equal(Assert.Throws<InputException>(() => ReferencePositionsCsv.Parse(text, File)).Message, error.Message);
    }

    [Fact]
    public void First_bad_row_is_reported_when_later_blocks_have_bad_rows_too()
    {
        var lines = GeneratedBook(seed: 13, withQuotes: false).Split("\r\n");
        lines[Rows - 10] = "A9,spot,U1,x,,,,";
        lines[40_000] = "A9,spot,U1,1,0,,,";
        lines[30_000] = "A9,spot,U1,1,,,,,";

        InputAssert.FailsAt(() => PositionsCsv.Parse(string.Join("\n", lines), File), File, 30_001, "");
    }

    [Fact]
    public void Broken_quote_late_in_the_file_is_reported_ahead_of_an_earlier_bad_row()
    {
        var lines = GeneratedBook(seed: 17, withQuotes: false).Split("\r\n");
        lines[100] = "A9,spot,U1,x,,,,";
        lines[Rows - 100] = "A9,\"spot\"x,U1,1,,,,";
        var text = string.Join("\r\n", lines);

        var error = InputAssert.FailsAt(() => PositionsCsv.Parse(text, File), File, Rows - 99, "");

        Assert.Equal(Assert.Throws<InputException>(() => ReferencePositionsCsv.Parse(text, File)).Message, error.Message);
    }

    private static (long, long, long?) Bits(Position p) => (
        BitConverter.DoubleToInt64Bits(p.Quantity),
        BitConverter.DoubleToInt64Bits(p.Multiplier),
        p.Strike is { } strike ? BitConverter.DoubleToInt64Bits(strike) : null);

    /// <summary>
    /// A header and <see cref="Rows"/> lines ending in CRLF: runs of one account, blank optional fields, cells padded with
    /// spaces, mixed-case types and rights, numbers short enough for the fast path and too long for it, blank and
    /// whitespace-only lines, and (optionally) quoted accounts holding commas, doubled quotes and line breaks.
    /// </summary>
    internal static string GeneratedBook(int seed, bool withQuotes)
    {
        var random = new System.Random(seed);
        var text = new StringBuilder(Header);
        var account = "ACC0";
        for (var i = 0; i < Rows; i++)
        {
            text.Append("\r\n");
            switch (random.Next(100))
            {
                case 0:
                    continue;
                case 1:
                    text.Append("  \t ");
                    continue;
                case < 6:
                    account = withQuotes && random.Next(3) == 0
                        ? $"\"Smith, \"\"J{i}\"\"\r\nsecond line\""
                        : $"ACC{i}";
                    break;
            }

            var underlying = $"U{random.Next(200)}";
            var quantity = Number(random);
            var multiplier = random.Next(4) == 0 ? " " : Positive(random);
            var expiry = new DateOnly(2026, 1, 1).AddDays(random.Next(1500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var row = random.Next(3) switch
            {
                0 => $"{account},{Cased("spot", random)},{underlying},{quantity},{multiplier},,,",
                1 => $"{account}, future ,{underlying},{quantity},{multiplier},,{(random.Next(2) == 0 ? "" : expiry)},",
                _ => $"{account},{Cased("option", random)},{underlying},{quantity},{multiplier}, {Positive(random)},{expiry} ,{Cased(random.Next(2) == 0 ? "call" : "put", random)}",
            };
            text.Append(row);
        }

        return text.ToString();
    }

    private static string Number(System.Random random) => random.Next(5) switch
    {
        0 => random.Next(-500, 500).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 1e6 - 5e5).ToString("R", CultureInfo.InvariantCulture),
        2 => (random.Next(-99999, 99999) / 100.0).ToString(CultureInfo.InvariantCulture),
        3 => $"{random.Next(1, 9)}.{random.NextInt64(1_000_000_000_000_000, 9_000_000_000_000_000)}",
        _ => $"-0.{random.Next(0, 1000):D3}",
    };

    private static string Positive(System.Random random) => random.Next(3) switch
    {
        0 => random.Next(1, 1000).ToString(CultureInfo.InvariantCulture),
        1 => (0.01 + random.NextDouble() * 5000).ToString("R", CultureInfo.InvariantCulture),
        _ => (random.Next(1, 999999) / 100.0).ToString(CultureInfo.InvariantCulture),
    };

    private static string Cased(string word, System.Random random) => random.Next(4) switch
    {
        0 => word.ToUpperInvariant(),
        1 => char.ToUpperInvariant(word[0]) + word[1..],
        _ => word,
    };
}
