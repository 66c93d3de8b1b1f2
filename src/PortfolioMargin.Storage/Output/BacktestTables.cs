using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A backtest's two tables: <c>backtest.parquet</c>, one row per date, model and portfolio (date as a Parquet
/// DATE), and <c>backtest-summary.parquet</c>, one row per model and portfolio with every statistic. Column
/// names and meanings: docs/formats.md.
/// </summary>
public static class BacktestTables
{
    public const string RowsFile = "backtest.parquet";

    public const string SummaryFile = "backtest-summary.parquet";

    public static async Task WriteAsync(Func<string, string> pathOf, IReadOnlyList<BacktestRow> rows, IReadOnlyList<BacktestSummary> summaries, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pathOf);
        await new ParquetRowTable<BacktestRow>(rows)
            .Add("date", r => r.Date)
            .Add("model", r => r.Model.Name, dictionary: true)
            .Add("portfolio", r => r.Portfolio, dictionary: true)
            .Add("var", r => r.ValueAtRisk)
            .Add("es", r => r.ExpectedShortfall)
            .Add("requirement", r => r.Requirement)
            .Add("realized_loss", r => r.RealizedLoss)
            .Add("var_exceedance", r => r.VarExceedance)
            .Add("exceedance", r => r.Exceedance)
            .WriteAsync(pathOf(RowsFile), metadata, cancellation);

        await new ParquetRowTable<BacktestSummary>(summaries)
            .Add("model", s => s.Model.Name)
            .Add("portfolio", s => s.Portfolio)
            .Add("first_date", s => s.FirstDate)
            .Add("last_date", s => s.LastDate)
            .Add("dates", s => s.Dates)
            .Add("observations", s => s.Observations)
            .Add("var_exceedances", s => s.VarExceedances)
            .Add("expected_var_exceedances", s => s.ExpectedVarExceedances)
            .Add("kupiec_lr", s => s.Kupiec.LikelihoodRatio)
            .Add("kupiec_p_value", s => s.Kupiec.PValue)
            .Add("christoffersen_independence_lr", s => s.ChristoffersenIndependence.LikelihoodRatio)
            .Add("christoffersen_independence_p_value", s => s.ChristoffersenIndependence.PValue)
            .Add("christoffersen_conditional_coverage_lr", s => s.ChristoffersenConditionalCoverage.LikelihoodRatio)
            .Add("christoffersen_conditional_coverage_p_value", s => s.ChristoffersenConditionalCoverage.PValue)
            .Add("traffic_light", s => s.TrafficLight.ToString().ToLowerInvariant(), dictionary: true)
            .Add("traffic_light_windows", s => s.TrafficLightWindows)
            .Add("yellow_windows", s => s.YellowWindows)
            .Add("red_windows", s => s.RedWindows)
            .Add("coverage_ratio", s => s.Coverage.CoverageRatio)
            .Add("coverage_lower", s => s.Coverage.Interval.Lower)
            .Add("coverage_upper", s => s.Coverage.Interval.Upper)
            .Add("requirement_breaches", s => s.Coverage.Breaches)
            .Add("es_z2", s => s.EsTest.Z2)
            .Add("es_p_value", s => s.EsTest.PValue)
            .Add("es_test_observations", s => s.EsTestObservations)
            .Add("peak_to_trough", s => Finite(s.PeakToTrough.Ratio))
            .Add("peak_requirement", s => s.PeakToTrough.Peak)
            .Add("trough_requirement", s => s.PeakToTrough.Trough)
            .Add("largest_increase_1d", s => Increase(s, 1)?.LargestAbsolute)
            .Add("largest_increase_1d_relative", s => Finite(Increase(s, 1)?.LargestRelative))
            .Add("largest_increase_5d", s => Increase(s, 5)?.LargestAbsolute)
            .Add("largest_increase_5d_relative", s => Finite(Increase(s, 5)?.LargestRelative))
            .Add("largest_increase_30d", s => Increase(s, 30)?.LargestAbsolute)
            .Add("largest_increase_30d_relative", s => Finite(Increase(s, 30)?.LargestRelative))
            .WriteAsync(pathOf(SummaryFile), metadata, cancellation);
    }

    /// <summary>A ratio with no finite value (a zero trough, no material base) is null in the file, not ∞ or NaN.</summary>
    private static double? Finite(double? ratio) => ratio is { } r && double.IsFinite(r) ? r : null;

    private static RequirementIncrease? Increase(BacktestSummary summary, int days) =>
        summary.Increases.Where(i => i.HorizonDays == days).Select(i => (RequirementIncrease?)i).FirstOrDefault();
}
