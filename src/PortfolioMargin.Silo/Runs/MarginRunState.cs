using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Runs;

[GenerateSerializer]
public sealed class MarginRunState
{
    [Id(0)] public MarginRunRequest? Request { get; set; }

    [Id(1)] public string? Fingerprint { get; set; }

    [Id(2)] public RunPhase Phase { get; set; }

    [Id(3)] public int Submissions { get; set; }

    [Id(4)] public int Starts { get; set; }

    [Id(5)] public int Retries { get; set; }

    [Id(6)] public Dictionary<string, AccountResult> Results { get; set; } = new(StringComparer.Ordinal);

    [Id(7)] public Dictionary<string, string> Failed { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public DateTimeOffset StartedAt { get; set; }

    [Id(9)] public bool Written { get; set; }

    [Id(10)] public string? Error { get; set; }
}
