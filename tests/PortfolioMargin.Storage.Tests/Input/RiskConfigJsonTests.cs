using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

public class RiskConfigJsonTests
{
    private const string File = "risk.json";

    [Fact]
    public void Empty_object_gives_every_default()
    {
        var config = RiskConfigJson.Parse("{}", File);

        var defaults = new RiskConfig();
        Assert.Equal(
            (defaults.HorizonDays, defaults.Confidence, defaults.Paths, defaults.Steps, defaults.Seed, defaults.Innovations, defaults.DegreesOfFreedom),
            (config.HorizonDays, config.Confidence, config.Paths, config.Steps, config.Seed, config.Innovations, config.DegreesOfFreedom));
        Assert.Equal(defaults.PriceMoves, config.PriceMoves);
        Assert.Equal(defaults.VolMoves, config.VolMoves);
        Assert.Equal((defaults.MinimumPerContract, defaults.MaintenanceRatio), (config.MinimumPerContract, config.MaintenanceRatio));
        Assert.Empty(config.Haircuts);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var text = """
            {
              "horizonDays": 5,
              "confidence": 0.975,
              "paths": 200000,
              "steps": 4,
              "seed": 18446744073709551615,
              "innovations": "student-t",
              "degreesOfFreedom": 4.5,
              "priceMoves": [-0.1, 0, 0.1],
              "volMoves": [-0.5, 0.5],
              "minimumPerContract": 0,
              "maintenanceRatio": 1,
              "haircuts": { "USD": 0, "SPX": 0.15 }
            }
            """;

        var config = RiskConfigJson.Parse(text, File);

        Assert.Equal((5, 0.975, 200_000, 4, ulong.MaxValue, Innovations.StudentT, 4.5), (config.HorizonDays, config.Confidence, config.Paths, config.Steps, config.Seed, config.Innovations, config.DegreesOfFreedom));
        Assert.Equal([-0.1, 0, 0.1], config.PriceMoves);
        Assert.Equal([-0.5, 0.5], config.VolMoves);
        Assert.Equal((0.0, 1.0), (config.MinimumPerContract, config.MaintenanceRatio));
        Assert.Equal((0.0, 0.15), (config.HaircutOf("USD"), config.HaircutOf("SPX")));
    }

    [Fact]
    public void Unknown_key_names_it_and_its_line()
    {
        var text = """
            {
              "horizonDays": 2,
              "confidenceLevel": 0.99
            }
            """;

        InputAssert.FailsAt(() => RiskConfigJson.Parse(text, File), File, 3, "confidenceLevel");
    }

    [Theory]
    [InlineData("horizonDays", "0")]
    [InlineData("horizonDays", "1.5")]
    [InlineData("confidence", "1")]
    [InlineData("confidence", "0.4")]
    [InlineData("paths", "99")]
    [InlineData("steps", "0")]
    [InlineData("seed", "-1")]
    [InlineData("innovations", "\"cauchy\"")]
    [InlineData("degreesOfFreedom", "2")]
    [InlineData("minimumPerContract", "-0.01")]
    [InlineData("maintenanceRatio", "0")]
    [InlineData("maintenanceRatio", "1.2")]
    [InlineData("priceMoves", "[]")]
    [InlineData("volMoves", "\"0.25\"")]
    [InlineData("paths", "2147483647")]
    [InlineData("steps", "100000000")]
    [InlineData("horizonDays", "100000")]
    public void Value_out_of_range_names_line_and_field(string key, string value)
    {
        var text = $"{{\n\n  \"{key}\": {value}\n}}";

        InputAssert.FailsAt(() => RiskConfigJson.Parse(text, File), File, 3, key);
    }

    [Fact]
    public void A_stress_grid_past_its_bound_is_refused_before_anything_is_allocated()
    {
        // 20,000 × 20,000 points once ran out of memory; each axis has a bound, and so has the grid.
        var axis = string.Join(", ", Enumerable.Range(1, 999).Select(i => (i / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var tooLong = string.Join(", ", Enumerable.Range(1, 1001).Select(i => (i / 2000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var grid = Assert.Throws<InputException>(() => RiskConfigJson.Parse($$"""{ "priceMoves": [{{axis}}], "volMoves": [{{axis}}] }""", File));
        var axisError = Assert.Throws<InputException>(() => RiskConfigJson.Parse($$"""{ "priceMoves": [{{tooLong}}] }""", File));

        Assert.Equal(("volMoves", "gives a stress grid of 999,000 points, at most 100,000"), (grid.Field, grid.Problem));
        Assert.Equal(("priceMoves", "lists 1,001 moves, at most 1,000"), (axisError.Field, axisError.Problem));
    }

    [Fact]
    public void Move_of_minus_one_names_the_element()
    {
        var text = """
            {
              "priceMoves": [
                -0.5,
                -1
              ]
            }
            """;

        InputAssert.FailsAt(() => RiskConfigJson.Parse(text, File), File, 4, "priceMoves[1]");
    }

    [Fact]
    public void Haircut_of_one_names_the_asset()
    {
        var text = """
            {
              "haircuts": {
                "USD": 0,
                "SPX": 1
              }
            }
            """;

        InputAssert.FailsAt(() => RiskConfigJson.Parse(text, File), File, 4, "haircuts.SPX");
    }

    [Fact]
    public void Top_level_array_names_the_whole_document()
    {
        InputAssert.FailsAt(() => RiskConfigJson.Parse("[]", File), File, 1, "");
    }

    [Fact]
    public void A_given_scenario_set_sets_the_paths_and_refuses_a_config_of_more_than_one_step()
    {
        var scenarios = new ConfigOverrides(GivenScenarios: 250);

        var oneStep = RiskConfigJson.Parse("{ \"paths\": 50, \"steps\": 1 }", File, null, scenarios);
        var error = InputAssert.FailsAt(() => RiskConfigJson.Parse("{\n  \"paths\": 10000,\n  \"steps\": 4\n}", File, null, scenarios), File, 3, "steps");

        // The set's count replaces the file's paths, which are then not checked, as --paths does.
        Assert.Equal((250, 1), (oneStep.Paths, oneStep.Steps));
        Assert.Contains("--scenarios", error.Problem, StringComparison.Ordinal);
    }
}
