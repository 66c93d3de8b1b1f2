using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Cli.Backtest;

/// <summary>
/// `pm backtest --json`: {"summary":[...],"rows":[...]} with the Parquet files' fields in camelCase. A ratio that
/// has no finite value (peak over a trough of 0) is null.
/// </summary>
internal static class BacktestJson
{
    public static JsonObject Summary(BacktestSummary s) => new()
    {
        ["model"] = s.Model.Name,
        ["portfolio"] = s.Portfolio,
        ["firstDate"] = Date(s.FirstDate),
        ["lastDate"] = Date(s.LastDate),
        ["dates"] = s.Dates,
        ["observations"] = s.Observations,
        ["varExceedances"] = s.VarExceedances,
        ["expectedVarExceedances"] = Number(s.ExpectedVarExceedances),
        ["kupiecLr"] = Number(s.Kupiec.LikelihoodRatio),
        ["kupiecPValue"] = Number(s.Kupiec.PValue),
        ["christoffersenIndependenceLr"] = Number(s.ChristoffersenIndependence.LikelihoodRatio),
        ["christoffersenIndependencePValue"] = Number(s.ChristoffersenIndependence.PValue),
        ["christoffersenConditionalCoverageLr"] = Number(s.ChristoffersenConditionalCoverage.LikelihoodRatio),
        ["christoffersenConditionalCoveragePValue"] = Number(s.ChristoffersenConditionalCoverage.PValue),
        ["trafficLight"] = s.TrafficLight.ToString().ToLowerInvariant(),
        ["trafficLightWindows"] = s.TrafficLightWindows,
        ["yellowWindows"] = s.YellowWindows,
        ["redWindows"] = s.RedWindows,
        ["coverageRatio"] = Number(s.Coverage.CoverageRatio),
        ["coverageLower"] = Number(s.Coverage.Interval.Lower),
        ["coverageUpper"] = Number(s.Coverage.Interval.Upper),
        ["requirementBreaches"] = s.Coverage.Breaches,
        ["esZ2"] = Number(s.EsTest.Z2),
        ["esPValue"] = Number(s.EsTest.PValue),
        ["esTestObservations"] = s.EsTestObservations,
        ["peakToTrough"] = Number(s.PeakToTrough.Ratio),
        ["peakRequirement"] = Number(s.PeakToTrough.Peak),
        ["troughRequirement"] = Number(s.PeakToTrough.Trough),
        ["largestIncreases"] = new JsonArray([.. s.Increases.Select(i => (JsonNode)new JsonObject
        {
            ["days"] = i.HorizonDays,
            ["absolute"] = Number(i.LargestAbsolute),
            ["relative"] = Number(i.LargestRelative),
        })]),
    };

    public static string Serialize(IReadOnlyList<BacktestSummary> summaries, IReadOnlyList<BacktestRow> rows)
    {
        var document = new JsonObject
        {
            ["summary"] = new JsonArray([.. summaries.Select(s => (JsonNode)Summary(s))]),
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["date"] = Date(r.Date),
                ["model"] = r.Model.Name,
                ["portfolio"] = r.Portfolio,
                ["var"] = r.ValueAtRisk,
                ["es"] = r.ExpectedShortfall,
                ["requirement"] = r.Requirement,
                ["realizedLoss"] = r.RealizedLoss,
                ["varExceedance"] = r.VarExceedance,
                ["exceedance"] = r.Exceedance,
            })]),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
