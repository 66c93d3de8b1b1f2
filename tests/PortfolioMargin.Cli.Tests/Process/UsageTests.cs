namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// Usage errors are exit 2 with a line naming the option and the form it expects, before anything runs; help is
/// there for every verb.
/// </summary>
public sealed class UsageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-usage-").FullName;

    [Theory]
    [InlineData("--paths abc", "option '--paths': 'abc' is not a whole number")]
    [InlineData("--seed -1", "option '--seed': '-1' is not a whole number from 0 to")]
    [InlineData("--device gpu", "--device")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--paths", "--paths")]
    [InlineData("--cluster cluster.json --direct", "--cluster and --direct cannot be used together")]
    public void A_usage_error_exits_2_naming_the_option_and_runs_nothing(string options, string expected)
    {
        var (exit, stdout, stderr) = PmProcess.Run(_folder, ["run", .. options.Split(' ')]);

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Help_for_a_verb_is_pm_help_verb_as_well_as_the_verbs_own_option()
    {
        var (exit, stdout, _) = PmProcess.Run(_folder, ["help", "run"]);
        var (ownExit, own, _) = PmProcess.Run(_folder, ["run", "--help"]);

        Assert.Equal((0, 0), (exit, ownExit));
        Assert.Contains("--positions", stdout);
        Assert.Equal(own, stdout);

        // pm alone lists every verb.
        var (bareExit, verbs, _) = PmProcess.Run(_folder);
        Assert.Equal(0, bareExit);
        Assert.All(new[] { "run", "silo", "cluster-run", "intraday", "bench" }, verb => Assert.Contains($"  {verb}", verbs));
        var (_, version, _) = PmProcess.Run(_folder, "--version");
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", version);
    }

    [Theory]
    [InlineData("-", false)]
    [InlineData("/dev/stdin", false)]
    [InlineData("-", true)]
    public void Positions_piped_to_standard_input_give_the_files_a_path_gives(string positions, bool direct)
    {
        // Once "Stream does not support seeking": a pipe has no length to allocate for.
        string[] book(string positionsPath, string output) =>
            ["run", .. direct ? ["--direct"] : Array.Empty<string>(), "--market", SampleBook.PathOf("market.json"), "--positions", positionsPath,
            "--collateral", SampleBook.PathOf("collateral.csv"), "--config", SampleBook.PathOf("config.json"), "--paths", "1000", "--device", "host", "--out", output];
        var piped = Path.Combine(_folder, "piped");
        var fromFile = Path.Combine(_folder, "from-file");

        var (exit, _, stderr) = PmProcess.Run(_folder, File.ReadAllBytes(SampleBook.PathOf("positions.csv")), book(positions, piped));
        var (fileExit, _, _) = PmProcess.Run(_folder, book(SampleBook.PathOf("positions.csv"), fromFile));

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Equal(0, fileExit);
        Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(fromFile, "accounts.parquet")), ResultFileBytes.WithoutRunId(Path.Combine(piped, "accounts.parquet")));
        var inputs = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(piped, "run.json")))!["inputs"]!.AsArray();
        var recorded = inputs.Single(i => i!["role"]!.GetValue<string>() == "positions")!;
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(SampleBook.PathOf("positions.csv")))),
            recorded["sha256"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Results_go_to_stdout_progress_to_stderr_and_quiet_silences_the_progress(bool direct, bool quiet)
    {
        var (exit, stdout, stderr) = PmProcess.Run(_folder, [
            "run", "--paths", "2000", "--device", "host", "--out", Path.Combine(_folder, "out"),
            .. direct ? ["--direct"] : Array.Empty<string>(), .. quiet ? ["--quiet"] : Array.Empty<string>()]);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("Largest initial margins", stdout);
        Assert.Contains("accounts: 260 (", stdout);
        Assert.DoesNotContain("Largest initial margins", stderr);
        Assert.DoesNotContain("progress:", stdout);
        Assert.Equal(!quiet, stderr.Contains("progress:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-20T20:59:59Z", false)]
    [InlineData("2026-11-20T21:30:00Z", true)]
    public void Intraday_results_go_to_stdout_and_an_update_before_the_snapshot_is_bad_input_at_its_line(string asOf, bool accepted)
    {
        // The sample snapshot is as of 2026-11-20T21:00:00Z; only the market grain can compare the two.
        var update = Path.Combine(_folder, "update.json");
        File.WriteAllText(update, $$"""
            {
              "id": "u1",
              "asOf": "{{asOf}}",
              "underlyings": [ { "id": "TSLA", "spot": 300 } ]
            }
            """);

        var (exit, stdout, stderr) = PmProcess.Run(_folder, ["intraday", "--market-update", update, "--paths", "1000", "--device", "host"]);

        Assert.Contains("end-of-day run", stderr);
        if (accepted)
        {
            Assert.True(exit == 0, $"exit {exit}: {stderr}");
            Assert.StartsWith("update u1: market version ", stdout);
            Assert.DoesNotContain("end-of-day run", stdout);
        }
        else
        {
            Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
            Assert.Contains($"error: {update}:3: field 'asOf': 2026-11-20T20:59:59Z is before the market snapshot's 2026-11-20T21:00:00Z", stderr);
            Assert.Empty(stdout);
        }
    }

    [Fact]
    public async Task Each_pm_intraday_adds_to_the_events_file_and_keeps_the_earlier_rows()
    {
        // Each process's embedded silo starts with an empty log; its first end-of-day run finds the sample's margin
        // calls again (from "none") and the fall in TSLA may add more. Once, each process replaced the file.
        var update = Path.Combine(_folder, "update.json");
        var events = Path.Combine(_folder, "runs", "events.parquet");
        string[] intraday(string id)
        {
            File.WriteAllText(update, $$"""{ "id": "{{id}}", "asOf": "2026-11-20T21:30:00Z", "underlyings": [ { "id": "TSLA", "spot": 200 } ] }""");
            return ["intraday", "--market-update", update, "--paths", "1000", "--device", "host"];
        }

        var first = PmProcess.Run(_folder, intraday("fall-1"));
        var afterFirst = await Silo.Market.EventsFile.ReadAsync(events);
        var second = PmProcess.Run(_folder, intraday("fall-2"));
        var afterSecond = await Silo.Market.EventsFile.ReadAsync(events);

        Assert.True(first.Exit == 0 && second.Exit == 0, first.Stderr + second.Stderr);
        Assert.Contains(afterFirst, e => e.Trigger == "market-update:fall-1");
        Assert.Equal(afterFirst, afterSecond.Take(afterFirst.Count));
        Assert.Contains(afterSecond.Skip(afterFirst.Count), e => e.Trigger == "market-update:fall-2");
        Assert.Equal(afterFirst.Count(e => e.OldStatus == "none"), afterSecond.Skip(afterFirst.Count).Count(e => e.OldStatus == "none"));
    }

    [Fact]
    public void Two_inputs_cannot_both_be_standard_input()
    {
        var (exit, _, stderr) = PmProcess.Run(_folder, [], ["run", "--direct", "--market", "-", "--positions", "-"]);

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Contains("standard input can be only one of the input files", stderr);
    }

    [Fact]
    public void A_silo_whose_port_is_taken_says_so_in_one_line_and_exits_1()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var config = Path.Combine(_folder, "silo.json");
        File.WriteAllText(config, $$"""{ "siloPort": {{taken}}, "gatewayPort": {{FreePort()}}, "dashboardPort": 0 }""");

        var (exit, _, stderr) = PmProcess.Run(_folder, ["silo", "--config", config]);

        Assert.Equal(RunCommand.Failure, exit);
        Assert.Equal($"error: port {taken} (silo port) is in use", stderr.Trim()[..$"error: port {taken} (silo port) is in use".Length]);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
