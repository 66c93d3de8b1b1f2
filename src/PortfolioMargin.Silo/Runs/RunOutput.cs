using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// A run's folder: resolved inside the silo's results root, refused when it already holds anything but this very
/// run's files, and written with the same writers as `pm run --direct` (accounts.parquet, positions.parquet,
/// run.json), staged and renamed into place whole. A folder whose run.json names this run and its fingerprint was
/// written by an earlier activation that died before it could record so; it is kept, so the write happens once.
/// </summary>
internal static class RunOutput
{
    public const string FingerprintField = "fingerprint";

    /// <summary>The full path of a requested folder: relative ones go under the root; none may leave it.</summary>
    public static string Resolve(string requested, string? root)
    {
        var full = Path.GetFullPath(root is null ? requested : Path.Combine(Path.GetFullPath(root), requested));
        if (root is null)
        {
            return full;
        }

        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new MarginOutputException($"output folder '{requested}' is outside this cluster's results root '{rootFull}'; give a folder inside it");
        }

        return full;
    }

    /// <summary>True when this run's files are already in place; refuses a folder that holds anything else.</summary>
    public static bool CheckTarget(string folder, string runId, string fingerprint)
    {
        if (!Directory.Exists(folder) && !File.Exists(folder))
        {
            return false;
        }

        if (File.Exists(folder))
        {
            throw new MarginOutputException($"{folder}: output folder is a file; choose another --out");
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return false;
        }

        if (WrittenBy(folder) is { } written && written == (runId, fingerprint))
        {
            return true;
        }

        throw new MarginOutputException($"{folder}: output folder already exists and is not empty; choose another --out");
    }

    /// <summary>Stages the run's folder; its files are written once every shard is in.</summary>
    public static RunWriter Begin(string folder)
    {
        try
        {
            return new RunWriter(folder, RunDirectory.Begin(folder));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new MarginOutputException($"{folder}: {error.Message}");
        }
    }

    /// <summary>
    /// What priced a cluster run: the cluster's settings (null where the host did not bind them), the active silos
    /// the book was cut for, and each shard's device and the silo that priced it, in shard order.
    /// </summary>
    public sealed record ClusterShape(
        Hosting.MarginClusterOptions? Settings, IReadOnlyList<string> Silos, IReadOnlyList<string> ShardDevices, IReadOnlyList<string?> ShardSilos);

    /// <summary>A run's staged folder, written once every shard is in.</summary>
    public sealed class RunWriter : IDisposable
    {
        private readonly string _folder;
        private readonly RunDirectory _staged;
        private readonly ResultTables _tables;

        internal RunWriter(string folder, RunDirectory staged)
        {
            _folder = folder;
            _staged = staged;
            _tables = new ResultTables(staged.PathOf);
        }

        public async Task CommitAsync(
            MarginRunRequest request, MarginRunState state, AccountMargin[] accounts, IReadOnlyList<PositionRisk> positions,
            IReadOnlyList<Core.Strategy.StrategyRow> strategies, IReadOnlyList<AccountDetail>? details, string device, EngineWork work,
            ClusterShape cluster, StageTimings timings, DateTimeOffset finished)
        {
            try
            {
                timings.Add("parquet", await _tables.FinishAsync(request.RunId, request.Market, accounts, positions, strategies, details));

                // The engine's stages, summed over the shards, then the run's own wall time from submission to the files.
                timings.Add("cluster", finished - state.StartedAt);
                var result = new MarginRunResult(accounts, positions, device, timings, work, strategies);
                var inputs = request.Inputs.Select(i => new InputFile(i.Role, i.Path, i.Sha256)).ToList();
                var record = RunRecord.Build(request.RunId, inputs, request.Config, result, state.StartedAt, finished, request.CommandLine, request.Scenarios?.Count);
                var block = new JsonObject();
                if (cluster.Settings is { } settings)
                {
                    block["clusterId"] = settings.ClusterId;
                    block["serviceId"] = settings.ServiceId;
                    block["clustering"] = settings.Clustering.ToString().ToLowerInvariant();
                    block["storage"] = settings.Storage.ToString().ToLowerInvariant();
                }

                block["silos"] = new JsonArray([.. cluster.Silos.Select(s => (JsonNode?)s)]);
                block["shards"] = cluster.ShardDevices.Count;
                block["shardDevices"] = new JsonArray([.. cluster.ShardDevices.Select(d => (JsonNode?)d)]);
                block["shardSilos"] = new JsonArray([.. cluster.ShardSilos.Select(s => (JsonNode?)s)]);
                block["starts"] = state.Starts;
                block["submissions"] = state.Submissions;
                block["retries"] = state.Retries;
                block[FingerprintField] = state.Fingerprint;
                record["cluster"] = block;
                await RunRecord.WriteAsync(_staged.PathOf(ResultFiles.RunRecord), record);
                if (request.Report)
                {
                    // Drawn from the staged files (report-detail.parquet among them), so it lands with them or not at all.
                    await Reporting.Margin.MarginReport.WriteAsync(_staged.Staging, _staged.PathOf(ResultFiles.Report));
                }

                _staged.Commit();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or Core.Input.InputException)
            {
                throw new MarginOutputException($"{_folder}: {error.Message}");
            }
        }

        /// <summary>An uncommitted folder goes.</summary>
        public void Dispose() => _staged.Dispose();
    }

    private static (string RunId, string Fingerprint)? WrittenBy(string folder)
    {
        try
        {
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)));
            return (record?["runId"]?.GetValue<string>() ?? "", record?["cluster"]?[FingerprintField]?.GetValue<string>() ?? "");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
