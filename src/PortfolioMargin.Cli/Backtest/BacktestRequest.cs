using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli.Backtest;

/// <summary>`pm backtest`'s options as parsed; null paths mean the bundled sample history and book.</summary>
internal sealed record BacktestRequest(
    string? HistoryPath,
    string? PositionsPath,
    string? ConfigPath,
    string? Models,
    double? Confidence,
    int? Horizon,
    int? Window,
    double? Lambda,
    int? Paths,
    ulong? Seed,
    string? OutputPath,
    bool Json,
    HistoryFill Fill,
    bool NoRoll,
    bool Floors,
    DeviceKind Device,
    bool Quiet,
    IReadOnlyList<string> CommandLine,
    Core.Backtesting.AntiProcyclicality? AntiProcyclicality = null,
    double? Rate = null);
