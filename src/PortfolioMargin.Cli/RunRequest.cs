using PortfolioMargin.Engine;

namespace PortfolioMargin.Cli;

/// <summary>
/// What `pm run` was asked to do; null paths mean the bundled sample book. <paramref name="Quiet"/>: no progress.
/// <paramref name="ScenariosPath"/>: a given scenario set (`--scenarios`) priced instead of simulated paths.
/// </summary>
internal sealed record RunRequest(
    string? MarketPath,
    string? PositionsPath,
    string? CollateralPath,
    string? ConfigPath,
    string? OutputPath,
    DeviceKind Device,
    int? Paths,
    ulong? Seed,
    bool Json,
    IReadOnlyList<string> CommandLine,
    bool Quiet = false,
    bool Report = false,
    string? ScenariosPath = null);
