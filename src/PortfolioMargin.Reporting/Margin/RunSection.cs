using System.Globalization;
using System.Text.Json.Nodes;
using PortfolioMargin.Reporting.Html;

using static PortfolioMargin.Reporting.Html.RunRecordHtml;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>The run: what went in (files and their hashes), the settings, where it ran, and how long each stage took.</summary>
internal static class RunSection
{
    public static string Render(JsonObject record)
    {
        var config = record["config"] as JsonObject;
        var settings = Html.Html.KeyValues(
        [
            ("run id", Text(record["runId"])),
            ("engine version", Text(record["engineVersion"])),
            ("engine commit", Text(record["engineCommit"])),
            ("device", Text(record["device"])),
            ("seed", Text(record["seed"])),
            ("paths", Text(config?["paths"])),
            ("scenarios", Mode(record["scenarios"])),
            ("horizon (days)", Text(config?["horizonDays"])),
            ("confidence", Text(config?["confidence"])),
            ("sub-steps", Text(config?["steps"])),
            ("innovations", Text(config?["innovations"])),
            ("maintenance ratio", Text(config?["maintenanceRatio"])),
            ("started (UTC)", Text(record["startedAt"])),
            ("finished (UTC)", Text(record["finishedAt"])),
            ("accounts", Text(record["accounts"])),
            ("positions", Text(record["positions"])),
            ("command line", string.Join(' ', record["commandLine"]?.AsArray().Select(Text) ?? [])),
        ], "run-settings");

        var inputs = RunRecordHtml.Inputs(record);

        var timings = RunRecordHtml.Timings(record["stageTimingsMs"] as JsonObject);

        var environment = (record["environment"] as JsonObject ?? []).Select(p => (p.Key, Text(p.Value)));
        var cluster = record["cluster"] is JsonObject shards
            ? Html.Html.Heading(3, "cluster") + Html.Html.KeyValues(shards.Select(p => (p.Key, Text(p.Value))))
            : "";
        var outputs = (record["outputs"] as JsonObject ?? []).Select(p => (p.Key, $"{(p.Value?["bytes"]?.GetValue<long>() ?? 0).ToString("N0", CultureInfo.InvariantCulture)} bytes, SHA-256 {Text(p.Value?["sha256"])}"));
        return Html.Html.Row(settings, Html.Html.Heading(3, "stage timings") + timings.Render())
            + Html.Html.Heading(3, "inputs") + inputs.Render()
            + Html.Html.Heading(3, "outputs") + Html.Html.KeyValues(outputs)
            + Html.Html.Heading(3, "environment") + Html.Html.KeyValues(environment)
            + cluster;
    }

    /// <summary>run.json's <c>scenarios</c>: simulated paths or a given set (empty for a record from before it was written).</summary>
    private static string Mode(JsonNode? scenarios) => scenarios switch
    {
        JsonObject mode when mode["given"] is { } count => $"given set of {Text(count)}",
        JsonObject mode when mode["simulated"] is not null => "simulated",
        _ => "",
    };
}
