using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>One model's rows for one portfolio of backtest.parquet, in date order: what its chart draws.</summary>
internal sealed record BacktestSeries(
    string Model,
    string Portfolio,
    DateTime[] Dates,
    double[] ValueAtRisk,
    double[] Requirement,
    double[] RealizedLoss,
    bool[] VarExceedance,
    bool[] Exceedance)
{
    public int Count => Dates.Length;

    /// <summary>
    /// The rows split by model and portfolio, each sorted by date (the file is written in date order, but a reader
    /// should not rely on it). A null number is NaN and a null flag false: the chart leaves such a point out.
    /// </summary>
    public static List<BacktestSeries> Split(ColumnTable rows, IReadOnlyList<DateOnly> dates)
    {
        var (model, portfolio) = (rows.Text("model"), rows.Text("portfolio"));
        var (var, requirement, loss) = (rows.Number("var"), rows.Number("requirement"), rows.Number("realized_loss"));
        var (varFlag, flag) = (rows.Number("var_exceedance"), rows.Number("exceedance"));
        DateTime?[] parsed = [.. dates.Select(d => (DateTime?)d.ToDateTime(TimeOnly.MinValue))];

        return Enumerable.Range(0, rows.RowCount)
            .Where(i => parsed[i] is not null && model[i] is not null && portfolio[i] is not null)
            .GroupBy(i => (Model: model[i]!, Portfolio: portfolio[i]!))
            .Select(group =>
            {
                var order = group.OrderBy(i => parsed[i]!.Value).ToArray();
                return new BacktestSeries(
                    group.Key.Model, group.Key.Portfolio,
                    [.. order.Select(i => parsed[i]!.Value)],
                    [.. order.Select(i => var[i] ?? double.NaN)],
                    [.. order.Select(i => requirement[i] ?? double.NaN)],
                    [.. order.Select(i => loss[i] ?? double.NaN)],
                    [.. order.Select(i => varFlag[i] == 1.0)],
                    [.. order.Select(i => flag[i] == 1.0)]);
            })
            .ToList();
    }
}
