using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Bench;

/// <summary>
/// The sample backtest's market history (samples/backtest/history.csv): <see cref="MarketHistoryGenerator"/>'s
/// GARCH(1,1) spots and implied vols with <see cref="MarketHistorySettings.Default"/>'s regimes and seed, and the
/// sample market's smile, vol-of-vol, spot-vol correlation, dividend yield and rate for each underlying, held
/// constant. `pm bench history FILE` writes it; a test checks the committed file is exactly this output.
/// </summary>
internal static class HistoryGenerator
{
    public static MarketHistory Build(MarketHistorySettings settings, MarketSnapshot market)
    {
        var rows = MarketHistoryGenerator.Generate(settings);
        var underlyings = settings.Underlyings.Select(u => u.Id).ToArray();
        var n = underlyings.Length;
        var dates = rows.Where((_, i) => i % n == 0).Select(r => r.Date).ToArray();
        var parameters = underlyings.Select(id => market.Underlyings.Single(u => u.Id == id)).ToArray();
        double[] Column(Func<Underlying, double> of) => [.. rows.Select((_, i) => of(parameters[i % n]))];
        return new MarketHistory(
            dates,
            underlyings,
            [.. rows.Select(r => r.Spot)],
            [.. rows.Select(r => r.AtmVol)],
            Column(u => u.DividendYield),
            Column(u => u.Skew),
            Column(u => u.Smile),
            Column(u => u.VolOfVol),
            Column(u => u.SpotVolCorrelation),
            [.. dates.Select(_ => market.Rate)]);
    }

    public static void Write(string path, ulong seed)
    {
        var market = Storage.Input.InputLoader.LoadMarket(SampleBook.PathOf("market.json")).Market;
        var history = Build(MarketHistorySettings.Default(seed), market);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, MarketHistoryCsvWriter.Write(history));
    }
}
