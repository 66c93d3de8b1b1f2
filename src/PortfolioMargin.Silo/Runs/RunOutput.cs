using System.Text.Json.Nodes;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// Writes a finished run with the same writers as `pm run`: accounts.parquet, positions.parquet and run.json,
/// staged and renamed into place whole. A folder that already holds this run's run.json was written by an earlier
/// activation that died before it could record so; it is kept, which makes the write happen exactly once.
/// </summary>
public static class RunOutput
{
    public static async Task WriteAsync(MarginRunState state, DateTimeOffset finished)
    {
        var request = state.Request!;
        if (File.Exists(Path.Combine(request.OutputFolder, ResultFiles.RunRecord)))
        {
            return;
        }

        var accounts = state.Results.Values.Select(r => r.Margin).OrderBy(a => a.Account, StringComparer.Ordinal).ToList();
        var positions = RunBook.PositionsInFileOrder(request, state.Results);
        var devices = string.Join("; ", state.Results.Values.Select(r => r.Device).Distinct().Order(StringComparer.Ordinal));
        var timings = new StageTimings();
        timings.Add("cluster", finished - state.StartedAt);
        var calls = state.Results.Values.Select(r => r.Call).DistinctBy(c => c.Id).ToList();
        var result = new MarginRunResult(accounts, positions, devices, timings, calls.Sum(c => c.AccountBatches), calls.Sum(c => c.PathChunks));

        using var folder = RunDirectory.Begin(request.OutputFolder);
        await ResultFiles.AccountTable(accounts).WriteAsync(folder.PathOf(ResultFiles.Accounts));
        await ResultFiles.PositionTable(positions).WriteAsync(folder.PathOf(ResultFiles.Positions));
        var inputs = request.Inputs.Select(i => new InputFile(i.Role, i.Path, i.Sha256)).ToList();
        var record = RunRecord.Build(request.RunId, inputs, request.Config, result, state.StartedAt, finished, request.CommandLine);
        record["cluster"] = new JsonObject
        {
            ["starts"] = state.Starts,
            ["submissions"] = state.Submissions,
            ["retries"] = state.Retries,
            ["engineCalls"] = calls.Count,
            ["failedAccounts"] = new JsonArray(state.Failed.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => (JsonNode?)new JsonObject { ["account"] = f.Key, ["error"] = f.Value }).ToArray()),
        };
        await RunRecord.WriteAsync(folder.PathOf(ResultFiles.RunRecord), record);
        folder.Commit();
    }
}
