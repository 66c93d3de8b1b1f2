using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// A run folder read for its report: run.json, accounts.parquet and positions.parquet (required), strategies.parquet,
/// events.parquet and report-detail.parquet (where present), and the market snapshot run.json names (for the spots
/// that turn position deltas into currency; the report says so where it is gone). Every file run.json lists under
/// <c>outputs</c> must have the size it lists, so a truncated table is named before anything is drawn.
/// </summary>
public sealed record RunFolder(
    string Path,
    JsonObject Record,
    ColumnTable Accounts,
    ColumnTable Positions,
    ColumnTable? Strategies,
    ColumnTable? Events,
    IReadOnlyDictionary<string, AccountDetail>? Details,
    MarketSnapshot? Market,
    string? MarketNote)
{
    /// <summary>Reads the folder; any problem with a file is an <see cref="InputException"/> that names it.</summary>
    public static async Task<RunFolder> ReadAsync(string folder, string? eventsPath = null, CancellationToken cancellation = default)
    {
        var full = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new InputException(full, 0, "", "run folder does not exist");
        }

        var recordPath = System.IO.Path.Combine(full, ResultFiles.RunRecord);
        var record = ReadRecord(recordPath);
        CheckOutputs(full, record);

        // The tables are decoded side by side: on a big book positions.parquet alone is most of the reading.
        string File(string name) => System.IO.Path.Combine(full, name);
        Task<ColumnTable> Read(string path) => Task.Run(() => ColumnTable.ReadAsync(path, cancellation), cancellation);
        async Task<ColumnTable?> Optional(string path) => System.IO.File.Exists(path) ? await Read(path) : null;

        var positions = Read(File(ResultFiles.Positions));
        var accounts = Read(File(ResultFiles.Accounts));
        var strategies = Optional(File(ResultFiles.Strategies));
        var events = Optional(eventsPath is null ? File(ResultFiles.Events) : System.IO.Path.GetFullPath(eventsPath));
        var details = System.IO.File.Exists(File(ResultFiles.ReportDetail)) ? await ReportDetailFile.ReadAsync(File(ResultFiles.ReportDetail), cancellation) : null;
        var (market, note) = ReadMarket(record);
        return new RunFolder(full, record, await accounts, await positions, await strategies, await events, details, market, note);
    }

    /// <summary>run.json as a JSON object; missing or cut short is an <see cref="InputException"/> naming it (the backtest report reads it too).</summary>
    internal static JsonObject ReadRecord(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InputException(path, 0, "", "file is missing: not a run folder, or a run that did not finish");
        }

        try
        {
            return JsonNode.Parse(System.IO.File.ReadAllText(path)) as JsonObject ?? throw new InputException(path, 0, "", "is not a JSON object");
        }
        catch (JsonException error)
        {
            throw new InputException(path, 0, "", $"is not whole JSON (truncated?): {error.Message}");
        }
    }

    /// <summary>Sizes are checked, not hashes: a full hash of a large book's tables would cost more than the report.</summary>
    private static void CheckOutputs(string folder, JsonObject record)
    {
        if (record["outputs"] is not JsonObject outputs)
        {
            return;
        }

        foreach (var (name, entry) in outputs)
        {
            var path = System.IO.Path.Combine(folder, name);
            var expected = entry?["bytes"]?.GetValue<long>();
            if (!System.IO.File.Exists(path))
            {
                throw new InputException(path, 0, "", "file is missing (run.json lists it among the run's outputs)");
            }

            var actual = new FileInfo(path).Length;
            if (expected is { } bytes && bytes != actual)
            {
                throw new InputException(path, 0, "", $"has {actual:N0} bytes where run.json records {bytes:N0}: truncated or replaced since the run");
            }
        }
    }

    private static (MarketSnapshot? Market, string? Note) ReadMarket(JsonObject record)
    {
        var input = record["inputs"]?.AsArray().FirstOrDefault(i => i?["role"]?.GetValue<string>() == "market");
        var path = input?["path"]?.GetValue<string>();
        if (path is null || !System.IO.File.Exists(path))
        {
            // A cluster's silo may be on another machine than the client whose paths run.json records.
            return (null, path is null ? "run.json names no market snapshot" : $"the market snapshot {path} is not on this machine (moved, or the run's inputs were read elsewhere)");
        }

        try
        {
            var (market, sha256) = InputLoader.LoadMarket(path);
            return sha256 == input?["sha256"]?.GetValue<string>()
                ? (market, null)
                : (null, $"the market snapshot {path} has changed since the run (its SHA-256 differs)");
        }
        catch (InputException error)
        {
            return (null, $"the market snapshot could not be read: {error.Message}");
        }
    }
}
