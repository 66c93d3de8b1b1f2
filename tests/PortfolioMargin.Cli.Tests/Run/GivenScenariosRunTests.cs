using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PortfolioMargin.Cli.Tests.Process;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>
/// `pm run --direct --scenarios FILE`: a given scenario set is priced exactly as simulated paths are, so the
/// simulated run's own horizon levels given back reproduce it bit for bit; a bad set is bad input and writes nothing.
/// </summary>
public sealed class GivenScenariosRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-scenarios-").FullName;

    private string Out(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData(DeviceKind.Host)]
    [InlineData(DeviceKind.Cpu)]
    public async Task The_simulated_runs_horizon_levels_given_as_a_file_reproduce_its_accounts_bit_for_bit(DeviceKind device)
    {
        var file = SimulatedScenarioFile.Write(Out("scenarios.csv"));
        var stderr = new StringWriter();

        var simulated = RunCommand.Execute(Request(Out("simulated"), device, SimulatedScenarioFile.Paths, null), TextWriter.Null, stderr);
        var given = RunCommand.Execute(Request(Out("given"), device, null, file), TextWriter.Null, stderr);

        Assert.True((simulated, given) == (0, 0), stderr.ToString());
        var expected = await SimulatedScenarioFile.AccountBitsAsync(Out("simulated"));
        Assert.Equal(260, expected.Count);
        Assert.Contains(expected, a => BitConverter.Int64BitsToDouble(a.InitialMargin) > 0);
        Assert.Equal(expected, await SimulatedScenarioFile.AccountBitsAsync(Out("given")));

        // Every other value too: positions with their attribution, strategies, the footers but for the run id.
        foreach (var name in new[] { ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies })
        {
            Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(Out("simulated"), name)), ResultFileBytes.WithoutRunId(Path.Combine(Out("given"), name)));
        }

        Assert.Contains($"{SimulatedScenarioFile.Paths} given scenarios", stderr.ToString());
    }

    [Fact]
    public void Run_json_records_the_scenario_file_as_an_input_and_the_runs_mode()
    {
        var file = SimulatedScenarioFile.Write(Out("scenarios.csv"));
        var stderr = new StringWriter();

        Assert.True(RunCommand.Execute(Request(Out("given"), DeviceKind.Host, null, file), TextWriter.Null, stderr) == 0, stderr.ToString());
        Assert.True(RunCommand.Execute(Request(Out("simulated"), DeviceKind.Host, SimulatedScenarioFile.Paths, null), TextWriter.Null, stderr) == 0, stderr.ToString());

        var given = Record(Out("given"));
        var input = Assert.Single(given["inputs"]!.AsArray(), i => i!["role"]!.GetValue<string>() == "scenarios")!;
        Assert.Equal((file, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))), (input["path"]!.GetValue<string>(), input["sha256"]!.GetValue<string>()));
        Assert.Equal("""{"given":2000}""", given["scenarios"]!.ToJsonString());
        Assert.Equal((2000, 1), (given["config"]!["paths"]!.GetValue<int>(), given["config"]!["steps"]!.GetValue<int>()));
        Assert.Equal("""{"simulated":2000}""", Record(Out("simulated"))["scenarios"]!.ToJsonString());
        Assert.DoesNotContain(Record(Out("simulated"))["inputs"]!.AsArray(), i => i!["role"]!.GetValue<string>() == "scenarios");
    }

    public static TheoryData<int, string, string> BadFiles => new()
    {
        // line replaced (1 is the header; 0 empties the file), its new text, what the message must name
        { 2, "path-0,NOPE,100,0.2", "scenarios.csv:2: field 'underlying': 'NOPE' is not in the market snapshot" },
        { 2, "path-0,SPY,NaN,0.2", "scenarios.csv:2: field 'spot'" },
        { 2, "path-0,SPY,-592.4,0.2", "scenarios.csv:2: field 'spot'" },
        { 2, "path-0,SPY,592.4,Infinity", "scenarios.csv:2: field 'atmVol'" },
        { 2, "path-0,SPY,592.4,0", "scenarios.csv:2: field 'atmVol'" },
        { 2, "path-0,QQQ,508.9,0.21", "scenarios.csv:3: field 'underlying': 'QQQ' appears twice in scenario 'path-0' (lines 2 and 3)" },
        { 1, "scenario,underlying,spot,vol", "scenarios.csv:1: field 'atmVol': missing column" },
        { 0, "", "scenarios.csv: file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_scenario_file_exits_2_naming_file_line_and_field_and_writes_nothing(int line, string text, string expected)
    {
        using var run = new RunFixture();
        var file = SimulatedScenarioFile.Write(Path.Combine(run.Folder, "scenarios.csv"));
        var lines = File.ReadAllLines(file);
        if (line > 0)
        {
            lines[line - 1] = text;
        }

        File.WriteAllLines(file, line > 0 ? lines : []);

        Assert.Equal(RunCommand.BadInput, run.Run(paths: null, scenarios: file, device: DeviceKind.Host));
        Assert.Contains(expected, run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void A_set_missing_an_underlying_in_a_scenario_or_short_of_the_minimum_paths_is_bad_input()
    {
        using var run = new RunFixture();
        var file = SimulatedScenarioFile.Write(Path.Combine(run.Folder, "scenarios.csv"));
        var lines = File.ReadAllLines(file);
        var underlyings = lines.Skip(1).TakeWhile(l => l.StartsWith("path-0,", StringComparison.Ordinal)).Count();

        // Scenario path-5 without its second underlying; then only the first 99 scenarios.
        File.WriteAllLines(file, lines.Where((_, i) => i != 1 + 5 * underlyings + 1));
        Assert.Equal(RunCommand.BadInput, run.Run(paths: null, scenarios: file, device: DeviceKind.Host));
        Assert.Contains($"scenarios.csv:{2 + 5 * underlyings}: field 'underlying': scenario 'path-5' (first given on this line) has no row for QQQ", run.Stderr.ToString());

        File.WriteAllLines(file, lines.Take(1 + 99 * underlyings));
        Assert.Equal(RunCommand.BadInput, run.Run(paths: null, scenarios: file, device: DeviceKind.Host));
        Assert.Contains("scenarios.csv: field 'scenario': gives 99 scenarios; a run needs from 100", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void Paths_with_scenarios_or_a_config_of_several_steps_is_bad_input_and_writes_nothing()
    {
        using var run = new RunFixture();
        var file = SimulatedScenarioFile.Write(Path.Combine(run.Folder, "scenarios.csv"));
        Assert.Equal(RunCommand.BadInput, run.Run(paths: 2_000, scenarios: file, device: DeviceKind.Host));
        Assert.Contains("error: --paths: cannot be used with --scenarios", run.Stderr.ToString());

        // Written after the run above, which copies the sample config over it.
        var steps = run.Sample("config.json", text => text.Replace("\"steps\": 1", "\"steps\": 4", StringComparison.Ordinal));
        Assert.Equal(RunCommand.BadInput, run.Run(paths: null, scenarios: file, config: steps, device: DeviceKind.Host));
        Assert.Contains("config.json:5: field 'steps': is 4; a scenario set (--scenarios)", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    private static RunRequest Request(string output, DeviceKind device, int? paths, string? scenarios) =>
        new(null, null, null, null, output, device, paths, null, false, ["pm", "run"], Quiet: true, ScenariosPath: scenarios);

    private static JsonNode Record(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
