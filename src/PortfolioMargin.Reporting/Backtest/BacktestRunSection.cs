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
}
