namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>Every kind of bad input stops `pm run` with exit code 2, a message naming file, line and field, and no files.</summary>
public sealed class BadInputRunTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // file, text to find, replacement, what the message must name
        { "positions.csv", "ACC0001,spot,MSFT,1000", "ACC0001,spot,NOPE,1000", "positions.csv:2: field 'underlying'" },
        { "positions.csv", "ACC0001,spot,MSFT,1000", "ACC0001,spot,MSFT,lots", "positions.csv:2: field 'quantity'" },
        { "positions.csv", "account,type,underlying,quantity,multiplier,strike,expiry,right", "account,type,underlying,quantity,multiplier,strike,expiry", "positions.csv:1: field 'right'" },
        { "positions.csv", "account,type,underlying,quantity,multiplier,strike,expiry,right", "account,type,underlying,quantity,multiplier,strike,expiry,right,note", "positions.csv:1: field 'note'" },
        { "positions.csv", "2026-12-18", "2026-11-01", "field 'expiry'" },
        { "market.json", "\"spot\": ", "\"spot\": -", "market.json:" },
        { "market.json", "\"atmVol\": ", "\"atmVol\": 0, \"x\": ", "market.json:" },
        { "market.json", "\"currency\"", "\"colour\": 1, \"currency\"", "field 'colour'" },
        { "config.json", "\"horizonDays\"", "\"horizon\": 3, \"horizonDays\"", "config.json:2: field 'horizon'" },
        { "collateral.csv", "ACC0002,USD,1000", "ACC0002,USD,a lot", "collateral.csv:3: field 'amount'" },
        { "config.json", "\"USD\": 0.0", "\"USDX\": 0.0", "field 'haircuts.USDX'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_2_names_the_place_and_writes_nothing(string file, string find, string replace, string expected)
    {
        using var run = new RunFixture();
        var edited = run.Sample(file, text =>
        {
            var at = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, $"sample {file} no longer contains '{find}'");
            return text[..at] + replace + text[(at + find.Length)..];
        });

        var code = run.Run(
            market: file == "market.json" ? edited : null,
            positions: file == "positions.csv" ? edited : null,
            collateral: file == "collateral.csv" ? edited : null,
            config: file == "config.json" ? edited : null);

        Assert.Equal(RunCommand.BadInput, code);
        Assert.Contains(expected, run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void Empty_positions_file_is_named()
    {
        using var run = new RunFixture();
        var empty = Path.Combine(run.Folder, "positions.csv");
        File.WriteAllText(empty, "");

        Assert.Equal(RunCommand.BadInput, run.Run(positions: empty));
        Assert.Contains("positions.csv", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void Missing_input_file_is_bad_input_naming_it()
    {
        using var run = new RunFixture();
        var missing = Path.Combine(run.Folder, "no-such-market.json");

        Assert.Equal(RunCommand.BadInput, run.Run(market: missing));
        Assert.Contains("no-such-market.json: file not found", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void Too_few_paths_on_the_command_line_is_bad_input()
    {
        using var run = new RunFixture();

        Assert.Equal(RunCommand.BadInput, run.Run(paths: 10));
        Assert.Contains("paths", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }
}
