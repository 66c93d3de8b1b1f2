using System.Globalization;
using System.Text;
using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// A market history as the CSV its reader takes: every column, numbers in the invariant culture with the
/// shortest text that reads back to the same double, so a written history reads back bit for bit.
/// </summary>
public static class MarketHistoryCsvWriter
{
    public const string Header = "date,underlying,spot,atmVol,dividendYield,skew,smile,volOfVol,spotVolCorrelation,rate";

    public static string Write(MarketHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder(history.DateCount * history.UnderlyingCount * 96);
        text.Append(Header).Append('\n');
        for (var t = 0; t < history.DateCount; t++)
        {
            var date = history.Dates[t].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var u = 0; u < history.UnderlyingCount; u++)
            {
                var i = history.At(t, u);
                text.Append(date).Append(',').Append(history.Underlyings[u]);
                foreach (var value in new[] { history.Spot[i], history.AtmVol[i], history.DividendYield[i], history.Skew[i], history.Smile[i], history.VolOfVol[i], history.SpotVolCorrelation[i], history.Rate[t] })
                {
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
