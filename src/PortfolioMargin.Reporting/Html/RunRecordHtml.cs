using System.Text.Json.Nodes;

namespace PortfolioMargin.Reporting.Html;

/// <summary>What every report shows of a run.json the same way: its values as text, its inputs with their hashes, its stage timings.</summary>
internal static class RunRecordHtml
{
    /// <summary>A JSON value as a reader would write it: strings bare, anything else as JSON.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>The recorded inputs: role, path and SHA-256 of each file the run read.</summary>
    public static HtmlTable Inputs(JsonObject record)
    {
        var inputs = new HtmlTable("run-inputs", HtmlColumn.Text("role", "role"), HtmlColumn.Text("path", "path"), HtmlColumn.Text("sha256", "SHA-256"));
        foreach (var input in record["inputs"]?.AsArray() ?? [])
        {
            inputs.Row(HtmlCell.Text(Text(input?["role"])), HtmlCell.Text(Text(input?["path"])), HtmlCell.Text(Text(input?["sha256"])));
        }

        return inputs;
    }

    /// <summary>Stage wall times in milliseconds; a value that is not a number is an empty cell.</summary>
    public static HtmlTable Timings(JsonObject? timings)
    {
        var table = new HtmlTable("run-timings", HtmlColumn.Text("stage", "stage"), HtmlColumn.Number("ms", "wall time", "ms"));
        foreach (var (stage, value) in timings ?? [])
        {
            table.Row(HtmlCell.Text(stage), HtmlCell.Number(value is JsonValue v && v.TryGetValue<double>(out var ms) ? ms : null, "#,0.0"));
        }

        return table;
    }
}
