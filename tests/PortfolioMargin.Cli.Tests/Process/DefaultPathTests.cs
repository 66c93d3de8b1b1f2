using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// `pm run` the way the README runs it: a fresh process on the default path (an embedded Orleans silo), held to
/// what `--direct` guarantees: the same files byte for byte (but for the run id in their footers), the same work, a used folder refused before any work,
/// stdout for --json only, exit codes 0 / 1 / 2 / 130, and nothing left behind by a run that did not complete.
/// </summary>
public sealed class DefaultPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-process-").FullName;

    private string Out(string name) => Path.Combine(_folder, name);

    private static string[] Book(params string[] more) => ["run", "--paths", "2000", .. more];

    [Theory]
    [InlineData("auto")]
    [InlineData("host")]
    [InlineData("cpu")]
    public void The_default_path_writes_the_direct_runs_files_byte_for_byte_with_the_same_work(string device)
    {
        var viaSilo = PmProcess.Run(_folder, Book("--device", device, "--out", Out("silo")));
        var direct = PmProcess.Run(_folder, Book("--device", device, "--direct", "--out", Out("direct")));

        Assert.True(viaSilo.Exit == 0, viaSilo.Stderr);
        Assert.True(direct.Exit == 0, direct.Stderr);
        foreach (var file in new[] { ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies })
        {
            Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(Out("direct"), file)), ResultFileBytes.WithoutRunId(Path.Combine(Out("silo"), file)));
        }

        // One silo, one shard: exactly the direct run's engine calls, batches, chunks and revaluations.
        var silo = Record(Out("silo"));
        var alone = Record(Out("direct"));
        foreach (var count in new[] { "engineCalls", "accountBatches", "pathChunks", "instrumentRevaluations" })
        {
            Assert.Equal(alone[count]!.GetValue<long>(), silo[count]!.GetValue<long>());
        }

        Assert.Equal(1, silo["engineCalls"]!.GetValue<int>());
        Assert.True(silo["instrumentRevaluations"]!.GetValue<long>() > 0);

        // What priced it: the embedded cluster's settings, its one silo, and that silo's device (the direct run's).
        var cluster = silo["cluster"]!;
        Assert.Equal(("portfolio-margin", "localhost", "memory"), (cluster["clusterId"]!.GetValue<string>(), cluster["clustering"]!.GetValue<string>(), cluster["storage"]!.GetValue<string>()));
        Assert.Single(cluster["silos"]!.AsArray());
        Assert.Equal([alone["device"]!.GetValue<string>()], cluster["shardDevices"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal([Out("direct"), Out("silo")], Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_used_output_folder_is_refused_before_any_work_and_its_files_are_kept(bool direct)
    {
        var used = Out("used");
        Directory.CreateDirectory(used);
        File.WriteAllText(Path.Combine(used, "notes.txt"), "mine");

        var (exit, stdout, stderr) = PmProcess.Run(_folder, Book([.. direct ? new[] { "--direct" } : [], "--out", used]));

        Assert.Equal(RunCommand.Failure, exit);
        Assert.Contains("already exists and is not empty", stderr);

        // The refusal is the only line: no "device:" or "embedded silo:" line, so no silo started and nothing was priced.
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", stdout);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(used).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(used, "notes.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_second_run_into_the_first_runs_folder_fails_and_leaves_the_first_runs_files_as_they_were()
    {
        Assert.Equal(0, PmProcess.Run(_folder, Book("--direct", "--out", Out("x"))).Exit);
        var before = Hashes(Out("x"));

        var (exit, stdout, stderr) = PmProcess.Run(_folder, Book("--seed", "7", "--out", Out("x"), "--json"));

        Assert.Equal(RunCommand.Failure, exit);
        Assert.Equal("", stdout);
        Assert.Contains("not empty", stderr);
        Assert.Equal(before, Hashes(Out("x")));
    }

    [Fact]
    public void With_json_stdout_holds_one_json_document_and_every_log_goes_to_stderr()
    {
        var (exit, stdout, stderr) = PmProcess.Run(_folder, Book("--json", "--out", Out("json")));

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var accounts = document.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(260, accounts.Count);
        Assert.Contains("embedded silo", stderr);

        // The cluster path's document carries the run's positions too, each under its account, in file order.
        var lines = accounts.Select(a => a.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()).ToList()).ToList();
        Assert.Equal(Record(Out("json"))["positions"]!.GetValue<int>(), lines.Sum(l => l.Count));
        Assert.All(lines, l => Assert.Equal(l.Order(), l));
    }

    [Fact]
    public void A_bad_input_file_on_the_default_path_exits_2_naming_file_line_and_field_and_writes_nothing()
    {
        var positions = Path.Combine(_folder, "positions.csv");
        var lines = File.ReadAllLines(SampleBook.PathOf("positions.csv"));
        var header = lines[0].Split(',');
        var quantity = Array.IndexOf(header, "quantity");
        var cells = lines[3].Split(',');
        cells[quantity] = "NaN";
        lines[3] = string.Join(',', cells);
        File.WriteAllLines(positions, lines);

        var (exit, _, stderr) = PmProcess.Run(_folder, Book(
            "--market", SampleBook.PathOf("market.json"), "--positions", positions, "--collateral", SampleBook.PathOf("collateral.csv"),
            "--config", SampleBook.PathOf("config.json"), "--out", Out("bad")));

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Contains("positions.csv:4: field 'quantity'", stderr);
        Assert.False(Directory.Exists(Out("bad")));
        Assert.Equal([positions], Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData(false, "\"rate\": 1e6")]
    [InlineData(true, "\"rate\": 1e6")]
    [InlineData(false, "\"atmVol\": 1e6")]
    [InlineData(true, "\"atmVol\": 1e6")]
    public void A_market_past_the_plausibility_bounds_exits_2_naming_the_field_and_never_becomes_a_margin(bool direct, string absurd)
    {
        // A rate or vol of a million once gave NaN margins, every account in liquidation, and exit 0.
        var field = absurd.Split('"')[1];
        var market = Path.Combine(_folder, "market.json");
        var text = File.ReadAllText(SampleBook.PathOf("market.json"));
        var plausible = System.Text.RegularExpressions.Regex.Match(text, $"\"{field}\": [0-9.]+").Value;
        File.WriteAllText(market, text.Replace(plausible, absurd, StringComparison.Ordinal));

        var (exit, stdout, stderr) = PmProcess.Run(_folder, Book(
            [.. direct ? ["--direct"] : Array.Empty<string>(), "--market", market, "--positions", SampleBook.PathOf("positions.csv"),
            "--collateral", SampleBook.PathOf("collateral.csv"), "--config", SampleBook.PathOf("config.json"), "--out", Out("absurd"), "--json"]));

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Matches($"market.json:[0-9]+: field '(underlyings\\[[0-9]+\\]\\.)?{field}': is 1000000, must be", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(Out("absurd")));
    }

    [Theory]
    [InlineData(false, "INT", 130)]
    [InlineData(true, "INT", 130)]
    [InlineData(false, "TERM", 143)]
    [InlineData(true, "TERM", 143)]
    public void Ctrl_c_or_sigterm_stops_the_run_within_seconds_with_the_shells_exit_code_and_leaves_nothing(bool direct, string signal, int expected)
    {
        // Long enough to be interrupted mid-run on any machine: the sample book at 400,000 paths.
        using var pm = new PmProcess(_folder, ["run", "--paths", "400000", "--device", "host", "--out", Out("interrupted"), .. direct ? new[] { "--direct" } : []]);
        pm.WaitForStderr(direct ? "device:" : "embedded silo: run", TimeSpan.FromMinutes(1));
        Thread.Sleep(1500);

        var clock = Stopwatch.StartNew();
        pm.Interrupt(signal);
        var exit = pm.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(exit == expected, $"exit {exit}: {pm.Stderr}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped {clock.Elapsed.TotalSeconds:F1} s after the interrupt");
        Assert.Contains("interrupted", pm.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    private static JsonNode Record(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!;

    private static Dictionary<string, string> Hashes(string folder) => Directory.GetFiles(folder)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
