using System.Text.Json.Nodes;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>
/// Which files a run reads: the bundled sample only when no input option is given at all; a user's book is
/// never topped up with sample files; command-line overrides replace the config's values before they are checked.
/// </summary>
public sealed class InputChoiceTests
{
    private static RunRequest Request(RunFixture run, string? market, string? positions, string? collateral, string? config, int? paths = 2_000) =>
        new(market, positions, collateral, config, run.Output, DeviceKind.Host, paths, null, false, ["pm", "run"]);

    [Fact]
    public void Positions_without_collateral_run_with_no_collateral_and_never_the_samples()
    {
        using var run = new RunFixture();
        var positions = run.Sample("positions.csv", text => string.Join('\n', text.Split('\n').Take(3)));

        var code = RunCommand.Execute(Request(run, run.Sample("market.json"), positions, null, null), run.Stdout, run.Stderr);

        Assert.True(code == RunCommand.Success, run.Stderr.ToString());
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, ResultFiles.RunRecord)))!;
        Assert.Equal(["market", "positions"], record["inputs"]!.AsArray().Select(i => i!["role"]!.GetValue<string>()));
        Assert.Equal(1, record["accounts"]!.GetValue<int>()); // the two positions' one account, not the sample's 260
    }

    [Theory]
    [InlineData("--market")]
    [InlineData("--positions")]
    public void A_book_given_in_part_names_the_missing_option_and_writes_nothing(string missing)
    {
        using var run = new RunFixture();
        var market = missing == "--market" ? null : run.Sample("market.json");
        var positions = missing == "--positions" ? null : run.Sample("positions.csv");

        var code = RunCommand.Execute(Request(run, market, positions, null, run.Sample("config.json")), run.Stdout, run.Stderr);

        Assert.Equal(RunCommand.BadInput, code);
        Assert.Contains($"error: {missing}: is required once any input file is given", run.Stderr.ToString());
        Assert.Empty(run.Written());
    }

    [Fact]
    public void Paths_given_on_the_command_line_replace_a_config_value_that_would_be_refused()
    {
        using var run = new RunFixture();
        var config = run.Sample("config.json", text => System.Text.RegularExpressions.Regex.Replace(text, "\"paths\": [0-9]+", "\"paths\": 50"));

        Assert.Equal(RunCommand.BadInput, RunCommand.Execute(Request(run, run.Sample("market.json"), run.Sample("positions.csv"), null, config, paths: null), run.Stdout, run.Stderr));
        Assert.Contains("field 'paths': is 50, must be in [100, ", run.Stderr.ToString());

        var code = RunCommand.Execute(Request(run, run.Sample("market.json"), run.Sample("positions.csv"), null, config, paths: 500), run.Stdout, run.Stderr);

        Assert.Equal(RunCommand.Success, code);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, ResultFiles.RunRecord)))!;
        Assert.Equal(500, record["config"]!["paths"]!.GetValue<int>());
    }
}
