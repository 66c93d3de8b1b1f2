using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A backtest's inputs, read and cross-checked like a run's: the history (CSV, or Parquet when its name ends in
/// <c>.parquet</c>: <see cref="InputLoader.LoadHistory"/>), the portfolios (entered on the history's first date,
/// so each underlying must be in the history and no contract may have expired by then) and an optional risk
/// config. Each file is listed with its SHA-256 for run.json.
/// </summary>
public static class BacktestInputs
{
    public static (MarketHistory History, IReadOnlyList<Position> Positions, RiskConfig Config, IReadOnlyList<InputFile> Files) Load(
        string historyPath, string positionsPath, string? configPath, HistoryFill fill, ConfigOverrides overrides = default)
    {
        overrides.Check();
        var files = new List<InputFile>();
        var history = InputLoader.LoadHistory(historyPath, fill, files);
        var positions = InputLoader.LoadPositions(positionsPath, files);
        var config = configPath is null
            ? overrides.ApplyTo(new RiskConfig())
            : InputLoader.LoadConfig(configPath, history.Underlyings.Append(MarketHistory.Currency).ToHashSet(StringComparer.Ordinal), overrides, files);
        if (positions.Count == 0)
        {
            throw new InputException(positionsPath, 0, "", "holds no positions: a backtest needs at least one portfolio");
        }

        PortfolioValidation.CheckPositions(history.Snapshot(0, Core.Market.MarketSnapshot.Identity(history.UnderlyingCount)), positions, positionsPath);
        return (history, positions, config, files);
    }
}
