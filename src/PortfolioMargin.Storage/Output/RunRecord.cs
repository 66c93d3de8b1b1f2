using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;

namespace PortfolioMargin.Storage.Output;

/// <summary>One input file of a run, with the SHA-256 of its bytes so a result can be traced to exactly what produced it.</summary>
public sealed record InputFile(string Role, string Path, string Sha256)
{
    public static InputFile Of(string role, string path)
    {
        using var stream = File.OpenRead(path);
        return new InputFile(role, System.IO.Path.GetFullPath(path), Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>run.json: what a run ran with (inputs, every setting with its default filled in, device, version) and how long each stage took.</summary>
public static class RunRecord
{
    /// <param name="givenScenarios">The size of the scenario set the run priced (`--scenarios`), or null for simulated paths.</param>
    public static JsonObject Build(
        string runId, IReadOnlyList<InputFile> inputs, RiskConfig config, MarginRunResult result,
        DateTimeOffset started, DateTimeOffset finished, IReadOnlyList<string> commandLine, int? givenScenarios = null)
    {
        var timings = new JsonObject();
        foreach (var (stage, ms) in result.Timings.Milliseconds)
        {
            timings[stage] = Math.Round(ms, 3);
        }

        var statuses = new JsonObject();
        foreach (var status in Enum.GetValues<AccountStatus>())
        {
            statuses[status.ToWire()] = result.Accounts.Count(a => a.Status == status);
        }

        return new JsonObject
        {
            ["runId"] = runId,
            ["engineVersion"] = RunEnvironment.EngineVersion,
            ["engineCommit"] = RunEnvironment.EngineCommit,
            ["environment"] = RunEnvironment.Describe(),
            ["startedAt"] = started.ToString("O"),
            ["finishedAt"] = finished.ToString("O"),
            ["commandLine"] = new JsonArray(commandLine.Select(a => (JsonNode?)a).ToArray()),
            ["device"] = result.Device,
            ["seed"] = config.Seed,
            ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode?)new JsonObject
            {
                ["role"] = i.Role,
                ["path"] = i.Path,
                ["sha256"] = i.Sha256,
            }).ToArray()),
            ["config"] = ConfigJson(config),
            ["scenarios"] = ScenariosJson(config, givenScenarios),
            ["accounts"] = result.Accounts.Count,
            ["positions"] = result.Positions.Count,
            ["statusCounts"] = statuses,
            ["engineCalls"] = result.Work.EngineCalls,
            ["accountBatches"] = result.Work.AccountBatches,
            ["pathChunks"] = result.Work.PathChunks,
            ["instrumentRevaluations"] = result.Work.InstrumentRevaluations,
            ["attributionRevaluations"] = result.Work.AttributionRevaluations,
            ["simulatedUnderlyings"] = result.Work.SimulatedUnderlyings,
            ["stageTimingsMs"] = timings,
        };
    }

    /// <summary>The run's mode: <c>{"simulated": paths}</c>, or <c>{"given": count}</c> for a scenario set.</summary>
    private static JsonObject ScenariosJson(RiskConfig config, int? givenScenarios) => givenScenarios is { } count
        ? new JsonObject { ["given"] = count }
        : new JsonObject { ["simulated"] = config.Paths };

    private static JsonNode FuturesMarginJson(Core.Strategy.FuturesMarginRates rates)
    {
        if (rates.FractionOfNotionalByUnderlying.Count == 0)
        {
            return rates.DefaultFractionOfNotional;
        }

        var fractions = new JsonObject { ["default"] = rates.DefaultFractionOfNotional };
        foreach (var (underlying, fraction) in rates.FractionOfNotionalByUnderlying.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            fractions[underlying] = fraction;
        }

        return fractions;
    }

    /// <summary>The effective config in the input format, every default filled in, so the run can be repeated from it.</summary>
    public static JsonObject ConfigJson(RiskConfig config)
    {
        var haircuts = new JsonObject();
        foreach (var (asset, fraction) in config.Haircuts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            haircuts[asset] = fraction;
        }

        return new JsonObject
        {
            ["horizonDays"] = config.HorizonDays,
            ["confidence"] = config.Confidence,
            ["paths"] = config.Paths,
            ["steps"] = config.Steps,
            ["seed"] = config.Seed,
            ["innovations"] = config.Innovations == Innovations.StudentT ? "student-t" : "normal",
            ["degreesOfFreedom"] = config.DegreesOfFreedom,
            ["priceMoves"] = new JsonArray(config.PriceMoves.Select(m => (JsonNode?)m).ToArray()),
            ["volMoves"] = new JsonArray(config.VolMoves.Select(m => (JsonNode?)m).ToArray()),
            ["minimumPerContract"] = config.MinimumPerContract,
            ["maintenanceRatio"] = config.MaintenanceRatio,
            ["haircuts"] = haircuts,
            ["futuresMarginFraction"] = FuturesMarginJson(config.FuturesMargin),
        };
    }

    /// <summary>
    /// Writes run.json into a finished staging folder, with the SHA-256 of every other file in it under
    /// <c>outputs</c>, so a reader can tell the tables are the ones this record describes.
    /// </summary>
    public static async Task WriteAsync(string path, JsonObject record, CancellationToken cancellation = default)
    {
        var outputs = new JsonObject();
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        foreach (var file in Directory.GetFiles(folder).Where(f => System.IO.Path.GetFileName(f) != ResultFiles.RunRecord).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            outputs[System.IO.Path.GetFileName(file)] = new JsonObject
            {
                ["bytes"] = stream.Length,
                ["sha256"] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation)),
            };
        }

        record["outputs"] = outputs;
        await File.WriteAllTextAsync(path, record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellation);
    }
}
