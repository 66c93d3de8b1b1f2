namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// A market snapshot with the underlyings given one per line: underlying i is on line 6 + i, and the
/// correlation block (when given) opens on the line after the closing bracket of <c>underlyings</c>.
/// </summary>
internal static class SampleMarket
{
    public const string FileName = "market.json";

    public const string Spx = """{ "id": "SPX", "spot": 5000, "dividendYield": 0.015, "atmVol": 0.18 }""";

    public const string Ndx = """{ "id": "NDX", "spot": 18000, "dividendYield": 0.007, "atmVol": 0.22 }""";

    public const string Rut = """{ "id": "RUT", "spot": 2100, "dividendYield": 0.012, "atmVol": 0.25 }""";

    public static string Json(string[] underlyings, string? correlation = null)
    {
        var lines = new List<string>
        {
            "{",
            """  "asOf": "2026-11-24T16:00:00Z",""",
            """  "currency": "USD",""",
            """  "rate": 0.04,""",
            """  "underlyings": [""",
        };
        lines.AddRange(underlyings.Select((u, i) => "    " + u + (i < underlyings.Length - 1 ? "," : "")));
        lines.Add(correlation is null ? "  ]" : "  ],");
        if (correlation is not null)
        {
            lines.Add("""  "correlation": """ + correlation);
        }

        lines.Add("}");
        return string.Join("\n", lines);
    }

    public static string Json() => Json([Spx, Ndx, Rut]);
}
