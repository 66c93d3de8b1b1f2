namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// Every verb fails the way `pm run` does: one line naming what is wrong, exit 2 for bad input or usage and 1 for an
/// output that cannot be written, never .NET's "Unhandled exception" with a stack trace (--verbose adds the trace).
/// </summary>
public sealed class VerbErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-verb-errors-").FullName;

    public VerbErrorTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
        File.WriteAllText(Path.Combine(_folder, "a-file"), "");
    }

    [Theory]
    [InlineData("bench {0}/missing", RunCommand.BadInput, "error: {0}/missing: benchmark book folder does not exist")]
    [InlineData("bench {0}/empty --device host", RunCommand.BadInput, "error: {0}/empty/market.json: file not found")]
    [InlineData("bench generate {0}/a-file S", RunCommand.Failure, "error: {0}/a-file: the book cannot be written there: ")]
    [InlineData("bench generate /proc/pm-no-such-book S", RunCommand.Failure, "error: /proc/pm-no-such-book: the book cannot be written there: ")]
    [InlineData("bench history /proc/pm-no-such/history.csv", RunCommand.Failure, "error: /proc/pm-no-such/history.csv: the history cannot be written there: ")]
    [InlineData("report {0}/missing", RunCommand.BadInput, "error: {0}/missing: run folder does not exist")]
    public void A_verb_that_fails_says_so_in_one_line(string command, int exit, string expected)
    {
        var (code, stdout, stderr) = PmProcess.Run(_folder, Words(command));

        Assert.True(code == exit, $"exit {code}: {stderr}");
        Assert.StartsWith(string.Format(null, expected, _folder), Assert.Single(ErrorLines(stderr)));
        AssertNoTrace(stderr + stdout);
    }

    [Theory]
    [InlineData("report {0}/empty --top abc", "error: option '--top': 'abc' is not a whole number; see pm report --help")]
    [InlineData("report {0}/empty --top -1", "error: option '--top': '-1' is not a whole number of 0 or more; see pm report --help")]
    [InlineData("run --paths", "error: option '--paths': no value given; expected a whole number; see pm run --help")]
    [InlineData("run --device", "error: option '--device': no value given; expected one of auto, cuda, opencl, cpu, host; see pm run --help")]
    [InlineData("intraday", "error: option '--market-update' is required: a file path; see pm intraday --help")]
    [InlineData("backtest --fill", "error: option '--fill': no value given; expected one of none, previous; see pm backtest --help")]
    [InlineData("bench {0}/empty --peak 1", "error: option '--peak': 1 of its values given; expected 3 numbers; see pm bench --help")]
    [InlineData("bench generate {0}/book", "error: missing argument <size>; see pm bench generate --help")]
    [InlineData("run --bogus", "error: unknown option '--bogus'; see pm run --help")]
    [InlineData("bogusverb", "error: unknown verb 'bogusverb'; see pm --help")]
    [InlineData("--verbose", "error: no verb given; see pm --help")]
    public void A_usage_error_is_one_line_naming_the_option_and_its_form_and_exit_2(string command, string expected)
    {
        // --top abc once aborted the process (exit 134) from inside the parser.
        var (code, stdout, stderr) = PmProcess.Run(_folder, Words(command));

        Assert.True(code == RunCommand.BadInput, $"exit {code}: {stderr}");
        Assert.Equal(string.Format(null, expected, _folder), stderr.TrimEnd());
        Assert.Equal("", stdout);
        AssertNoTrace(stderr);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_to_the_line()
    {
        var (code, _, stderr) = PmProcess.Run(_folder, "bench", Path.Combine(_folder, "missing"), "--verbose");

        Assert.Equal(RunCommand.BadInput, code);
        Assert.StartsWith($"error: {_folder}/missing: benchmark book folder does not exist", stderr);
        Assert.Contains("   at PortfolioMargin.", stderr);
    }

    [Fact]
    public void A_subcommand_of_bench_shows_its_own_usage_without_the_book_of_bench()
    {
        var (code, generate, _) = PmProcess.Run(_folder, "bench", "generate", "--help");
        var (_, history, _) = PmProcess.Run(_folder, "help", "bench", "history");
        var (_, bench, _) = PmProcess.Run(_folder, "bench", "--help");

        Assert.Equal(0, code);
        Assert.Contains("  pm bench generate <out> <size> [options]", generate);
        Assert.Contains("  pm bench history <out> [options]", history);
        Assert.DoesNotContain("<book>", generate + history);
        Assert.Contains("  pm bench <book>", bench);
        Assert.Contains("  <book>  A benchmark book folder", bench);
    }

    private string[] Words(string command) => string.Format(null, command, _folder).Split(' ');

    private static string[] ErrorLines(string stderr) => [.. stderr.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal))];

    private static void AssertNoTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("System.", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
