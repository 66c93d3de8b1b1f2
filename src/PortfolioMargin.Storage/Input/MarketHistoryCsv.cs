using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A backtest's market history: one row per date and underlying, header with <c>date,underlying,spot,atmVol</c>
/// and any of <c>dividendYield,skew,smile,volOfVol,spotVolCorrelation,rate</c>, in any order. Dates are
/// yyyy-MM-dd business days in file order (never earlier than the row before); the underlyings are those of the
/// first date, each once per date; <c>rate</c> is the date's, the same on each of its rows. Every value is held to
/// the market file's bounds (<see cref="PlausibilityBounds"/>), and each error names the file, line and column. The
/// rules are <see cref="MarketHistoryBuilder"/>'s, which <see cref="MarketHistoryParquet"/> shares.
/// </summary>
internal static class MarketHistoryCsv
{
    public static MarketHistory Parse(string text, string fileName, HistoryFill fill)
    {
        var records = CsvRecords.Read(text, fileName);
        if (records.Count < 2)
        {
            throw new InputException(fileName, records.Count == 0 ? 0 : records[0].Line, "", $"has no rows; expected the header {string.Join(",", MarketHistoryColumns.Required)} and one row per date and underlying");
        }

        var columns = MarketHistoryColumns.Check(records[0].Fields, fileName, records[0].Line);
        var builder = new MarketHistoryBuilder(fileName, fill, columns, "line");
        foreach (var record in records.Skip(1))
        {
            builder.Add(new TextRow(columns, record.Fields, fileName, record.Line));
        }

        return builder.Build();
    }
}
