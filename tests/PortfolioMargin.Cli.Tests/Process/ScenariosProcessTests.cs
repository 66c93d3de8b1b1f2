using System.Text.Json.Nodes;
using PortfolioMargin.Cli.Tests.Run;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// `pm run --scenarios FILE` as a user runs it: on the default path (an embedded silo, the set carried to the run
/// grain and its shard) the same files byte for byte as `--direct`, and its usage and input errors exit 2 with nothing written.
/// </summary>
public sealed class ScenariosProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-scenarios-process-").FullName;

    private string Out(string name) => Path.Combine(_folder, name);

    [Fact]
    public void The_default_path_with_scenarios_writes_the_direct_runs_files_byte_for_byte()
    {
        var file = SimulatedScenarioFile.Write(Out("scenarios.csv"));

        var viaSilo = PmProcess.Run(_folder, "run", "--scenarios", file, "--device", "host", "--out", Out("silo"));
        var direct = PmProcess.Run(_folder, "run", "--scenarios", file, "--device", "host", "--direct", "--out", Out("direct"));

        Assert.True(viaSilo.Exit == 0, viaSilo.Stderr);
        Assert.True(direct.Exit == 0, direct.Stderr);
        foreach (var name in new[] { ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies })
        {
            Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(Out("direct"), name)), ResultFileBytes.WithoutRunId(Path.Combine(Out("silo"), name)));
        }

        Assert.Contains("2000 given scenarios", viaSilo.Stderr);
        var silo = JsonNode.Parse(File.ReadAllText(Path.Combine(Out("silo"), ResultFiles.RunRecord)))!;
        Assert.Equal("""{"given":2000}""", silo["scenarios"]!.ToJsonString());
        Assert.Contains(silo["inputs"]!.AsArray(), i => i!["role"]!.GetValue<string>() == "scenarios" && i["path"]!.GetValue<string>() == file);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--direct")]
    [InlineData("cluster-run")]
    public void Paths_with_scenarios_is_a_usage_error_before_anything_runs(params string[] verb)
    {
        var file = SimulatedScenarioFile.Write(Out("scenarios.csv"));

        var (exit, stdout, stderr) = PmProcess.Run(_folder, [.. verb, "--paths", "2000", "--scenarios", file, "--out", Out("x")]);

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: --paths cannot be used with --scenarios: a scenario set is priced on as many paths as it has scenarios", stderr);
        Assert.Equal([file], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_bad_scenario_file_on_the_default_path_exits_2_naming_file_line_and_field_and_writes_nothing()
    {
        var file = SimulatedScenarioFile.Write(Out("scenarios.csv"));
        var lines = File.ReadAllLines(file);
        lines[3] = lines[3].Replace("path-0,IWM,", "path-0,NOPE,", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var (exit, _, stderr) = PmProcess.Run(_folder, "run", "--scenarios", file, "--device", "host", "--out", Out("bad"));

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Contains("scenarios.csv:4: field 'underlying': 'NOPE' is not in the market snapshot", stderr);
        Assert.False(Directory.Exists(Out("bad")));
        Assert.Equal([file], Directory.GetFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
