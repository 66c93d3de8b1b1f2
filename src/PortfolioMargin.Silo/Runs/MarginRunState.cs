using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// What a run keeps in grain storage: small and written a handful of times per run. The book is not kept: a client
/// that finds the run's silo gone submits it again, and its fingerprint proves it is the same run.
/// </summary>
[GenerateSerializer]
internal sealed class MarginRunState
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public RunPhase Phase { get; set; }

    [Id(2)] public int Submissions { get; set; }

    [Id(3)] public int Starts { get; set; }

    [Id(4)] public int Retries { get; set; }

    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>The run's folder, resolved against the results root of the silo that accepted the run.</summary>
    [Id(6)] public string? OutputFolder { get; set; }

    [Id(7)] public int Accounts { get; set; }

    [Id(8)] public bool AccountsUpdated { get; set; }

    [Id(9)] public string? Error { get; set; }

    /// <summary>The error is one a re-submission would meet again (bad output folder, an engine failure).</summary>
    [Id(10)] public bool ErrorIsFinal { get; set; }

    /// <summary>The error came from the book itself (bad input), not from the cluster.</summary>
    [Id(11)] public bool ErrorIsInput { get; set; }
}
