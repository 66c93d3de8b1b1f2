using System.Globalization;
using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// The key-value metadata in a result file's footer, so a file that has left its folder (and its run.json) still
/// says which run wrote it, on which market and in which currency its money columns are, and which engine build.
/// </summary>
public sealed record ResultMetadata(string RunId, DateTimeOffset AsOf, string Currency)
{
    public const string RunIdKey = "run_id";
    public const string AsOfKey = "as_of";
    public const string CurrencyKey = "currency";
    public const string EngineVersionKey = "engine_version";
    public const string EngineCommitKey = "engine_commit";

    public static ResultMetadata Of(string runId, MarketSnapshot market) => new(runId, market.AsOf, market.Currency);

    /// <summary>The pairs in a fixed order (Parquet.Net writes them as enumerated), so equal runs give equal bytes.</summary>
    public IReadOnlyDictionary<string, string> KeyValues() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RunIdKey] = RunId,
        [AsOfKey] = AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        [CurrencyKey] = Currency,
        [EngineVersionKey] = RunEnvironment.EngineVersion,
        [EngineCommitKey] = RunEnvironment.EngineCommit,
    };

    /// <summary>
    /// A backtest's files: its run and currency, no single as-of (every row carries its own date).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Backtest(string runId, string currency) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RunIdKey] = runId,
        [CurrencyKey] = currency,
        [EngineVersionKey] = RunEnvironment.EngineVersion,
        [EngineCommitKey] = RunEnvironment.EngineCommit,
    };

    /// <summary>
    /// events.parquet gathers the events of many runs and updates (each row's trigger names its own), so it names no
    /// single run, market or currency: only the engine that last wrote it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> EngineOnly() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EngineVersionKey] = RunEnvironment.EngineVersion,
        [EngineCommitKey] = RunEnvironment.EngineCommit,
    };
}
