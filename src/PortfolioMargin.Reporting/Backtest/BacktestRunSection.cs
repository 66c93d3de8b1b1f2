using System.Globalization;
using System.Text.Json.Nodes;
using PortfolioMargin.Reporting.Html;

using static PortfolioMargin.Reporting.Html.RunRecordHtml;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>The backtest run: its settings (run.json's <c>settings</c>), the inputs with their hashes, where and how long it ran.</summary>
internal static class BacktestRunSection
{
    public static string Render(JsonObject record)
    {
        var settings = record["settings"] as JsonObject;
        var work = record["work"] as JsonObject;
        var timings = record["timingsMs"] as JsonObject;
        var wall = timings?["total"] is JsonValue total && total.TryGetValue<double>(out var ms)
            ? (ms / 1000).ToString("#,0.0 's'", CultureInfo.InvariantCulture)
            : "";

        var table = Html.Html.KeyValues(
        [
            ("run id", Text(record["runId"])),
            ("models", string.Join(", ", settings?["models"]?.AsArray().Select(Text) ?? [])),
            ("confidence", Text(settings?["confidence"])),
            ("horizon (rows)", Text(settings?["horizonRows"])),
            ("engine horizon", Text(settings?["engineHorizon"])),
            ("coverage observations", Text(settings?["observations"])),
            ("window (days)", Text(settings?["windowDays"])),
            ("EWMA lambda", Text(settings?["lambda"])),
            ("paths", Text(settings?["paths"])),
            ("seed", Text(settings?["seed"])),
            ("innovations", Text(settings?["innovations"])),
            ("roll", Text(settings?["roll"])),
            ("floors", Text(settings?["floors"])),
            ("anti-procyclicality", AntiProcyclicality(settings?["antiProcyclicality"] as JsonArray)),
            ("ES test simulations", Text(settings?["esTestSimulations"])),
            ("device", Text(record["device"])),
            ("wall time", wall),
            ("engine calls", Text(work?["engineCalls"])),
            ("scenarios", Text(work?["scenarios"])),
            ("rolls", Text(work?["rolls"])),
            ("engine version", Text(record["engineVersion"])),
            ("engine commit", Text(record["engineCommit"])),
            ("started (UTC)", Text(record["startedAt"])),
            ("finished (UTC)", Text(record["finishedAt"])),
            ("command line", string.Join(' ', record["commandLine"]?.AsArray().Select(Text) ?? [])),
        ], "run-settings");

        var inputs = RunRecordHtml.Inputs(record);

        var stages = RunRecordHtml.Timings(timings);

        var environment = (record["environment"] as JsonObject ?? []).Select(p => (p.Key, Text(p.Value)));
        return Html.Html.Row(table, Html.Html.Details($"stage timings ({stages.RowCount})", stages.Render()))
            + Html.Html.Heading(3, "inputs") + inputs.Render()
            + Html.Html.Heading(3, "environment") + Html.Html.KeyValues(environment);
    }

    /// <summary>Each model with tools and their parameters, as run.json lists them ("none" when no model carries one).</summary>
    private static string AntiProcyclicality(JsonArray? models)
    {
        if (models is null || models.Count == 0)
        {
            return "none";
        }

        return string.Join("; ", models.OfType<JsonObject>().Select(m =>
        {
            var parts = new List<string>();
            if (m["buffer"] is JsonObject buffer)
            {
                parts.Add($"buffer {Text(buffer["share"])}, rebuilt over {Text(buffer["rebuildDays"])} days");
            }

            if (m["stress"] is JsonObject stress)
            {
                parts.Add($"stress weight {Text(stress["weight"])} on {Text(stress["windowDays"])} rows (last: {Text(stress["periodOnLastDate"])})");
            }

            if (m["tenYear"] is JsonObject tenYear)
            {
                parts.Add($"ten-year floor over {Text(tenYear["lookbackDays"])} rows");
            }

            return $"{Text(m["model"])}: {string.Join(", ", parts)}";
        }));
    }
}
