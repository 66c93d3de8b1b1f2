using System.Globalization;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>A given scenario set (`pm run --scenarios`): its layout, and every bad file named by file, line and field.</summary>
public class ScenariosCsvTests
{
    private const string File = "scenarios.csv";

    private const int Count = RiskConfig.MinimumPaths;

    private static readonly MarketSnapshot Market = MarketSnapshotJson.Parse(SampleMarket.Json(), SampleMarket.FileName);

    /// <summary>Rows of each scenario in another order than the market's, so the layout cannot follow the file by luck.</summary>
    private static readonly string[] RowOrder = ["RUT", "SPX", "NDX"];

    private static double Spot(string id, int s) => Market.Underlyings.Single(u => u.Id == id).Spot * (1 + (s - 50) / 1000.0);

    private static double Vol(int u, int s) => 0.1 + u / 10.0 + s / 10_000.0;

    /// <summary>The header then scenario s's row of the k-th underlying of <see cref="RowOrder"/> on line 2 + 3s + k.</summary>
    private static List<string> Lines(int count = Count)
    {
        var lines = new List<string> { "scenario,underlying,spot,atmVol" };
        for (var s = 0; s < count; s++)
        {
            foreach (var id in RowOrder)
            {
                var u = Market.Underlyings.Select(x => x.Id).ToList().IndexOf(id);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"day-{s},{id},{Spot(id, s):R},{Vol(u, s):R}"));
            }
        }

        return lines;
    }

    private static int LineOf(int scenario, string id) => 2 + 3 * scenario + Array.IndexOf(RowOrder, id);

    private static string Text(List<string> lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void A_good_file_is_laid_out_underlying_major_in_the_markets_order_and_scenarios_in_order_of_appearance()
    {
        var set = ScenariosCsv.Parse(Text(Lines()), File, Market);

        Assert.Equal((Count, 3), (set.Count, set.Underlyings));
        for (var u = 0; u < 3; u++)
        {
            for (var s = 0; s < Count; s++)
            {
                Assert.Equal(Spot(Market.Underlyings[u].Id, s), set.Spot[u * Count + s]);
                Assert.Equal(Vol(u, s), set.AtmVol[u * Count + s]);
            }
        }

        Assert.Null(set.FirstProblem(Market));
    }

    [Fact]
    public void A_scenarios_rows_need_not_be_adjacent_and_labels_are_text()
    {
        // Scenario "z" comes first, so it is scenario 0 even though its label sorts last; its NDX row comes at the end.
        var lines = Lines();
        lines[1] = lines[1].Replace("day-0,", "z,", StringComparison.Ordinal);
        lines[2] = lines[2].Replace("day-0,", "z,", StringComparison.Ordinal);
        var ndx = lines[3].Replace("day-0,", "z,", StringComparison.Ordinal);
        lines.RemoveAt(3);
        lines.Add(ndx);

        var set = ScenariosCsv.Parse(Text(lines), File, Market);

        Assert.Equal(Spot("NDX", 0), set.Spot[1 * Count + 0]);
        Assert.Equal(Spot("NDX", 1), set.Spot[1 * Count + 1]);
    }

    public static TheoryData<string, string, string, string> BadCells => new()
    {
        // underlying of the row, column, bad text, the field named
        { "SPX", "underlying", "XYZ", "underlying" },
        { "SPX", "scenario", "", "scenario" },
        { "NDX", "spot", "abc", "spot" },
        { "NDX", "spot", "NaN", "spot" },
        { "NDX", "spot", "Infinity", "spot" },
        { "NDX", "spot", "-5", "spot" },
        { "NDX", "spot", "0", "spot" },
        { "NDX", "spot", "2e12", "spot" },
        { "RUT", "atmVol", "0", "atmVol" },
        { "RUT", "atmVol", "-0.2", "atmVol" },
        { "RUT", "atmVol", "NaN", "atmVol" },
        { "RUT", "atmVol", "-Infinity", "atmVol" },
        { "RUT", "atmVol", "25", "atmVol" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void A_bad_cell_names_its_line_and_column(string id, string column, string text, string field)
    {
        var lines = Lines();
        var line = LineOf(7, id);
        var cells = lines[line - 1].Split(',');
        cells[Array.IndexOf(["scenario", "underlying", "spot", "atmVol"], column)] = text;
        lines[line - 1] = string.Join(',', cells);

        InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(lines), File, Market), File, line, field);
    }

    [Fact]
    public void An_underlying_given_twice_in_a_scenario_names_the_second_line()
    {
        var lines = Lines();
        lines[LineOf(4, "NDX") - 1] = lines[LineOf(4, "SPX") - 1];

        var error = InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(lines), File, Market), File, LineOf(4, "NDX"), "underlying");
        Assert.Contains($"'SPX' appears twice in scenario 'day-4' (lines {LineOf(4, "SPX")} and {LineOf(4, "NDX")})", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_missing_an_underlying_is_named_at_its_first_line()
    {
        var lines = Lines();
        lines.RemoveAt(LineOf(3, "NDX") - 1);

        var error = InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(lines), File, Market), File, LineOf(3, "RUT"), "underlying");
        Assert.Contains("'day-3'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("no row for NDX", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_scenarios_than_a_run_needs_paths_is_refused()
    {
        var error = InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(Lines(Count - 1)), File, Market), File, 0, "scenario");
        Assert.Contains($"gives {Count - 1} scenarios; a run needs from {RiskConfig.MinimumPaths}", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("scenario,underlying,spot,atmVol\n")]
    public void An_empty_file_or_a_header_alone_names_the_whole_file(string text)
    {
        InputAssert.FailsAt(() => ScenariosCsv.Parse(text, File, Market), File, 0, "");
    }

    [Theory]
    [InlineData("scenario,underlying,spot", "atmVol")]
    [InlineData("scenario,underlying,spot,vol", "atmVol")]
    [InlineData("scenario,spot,underlying,atmVol", "spot")]
    [InlineData("scenario,underlying,spot,atmVol,note", "note")]
    public void A_header_that_is_not_the_four_columns_names_the_column_on_line_one(string header, string field)
    {
        var lines = Lines();
        lines[0] = header;

        InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(lines), File, Market), File, 1, field);
    }

    [Fact]
    public void A_row_with_a_field_missing_names_its_line()
    {
        var lines = Lines();
        lines[5] = "day-1,SPX,5000";

        InputAssert.FailsAt(() => ScenariosCsv.Parse(Text(lines), File, Market), File, 6, "");
    }
}
