namespace PortfolioMargin.Silo;

/// <summary>
/// Where a silo writes: events.parquet, and the results root every run folder must resolve inside (a shared folder
/// in a multi-machine cluster). A null root leaves run folders unconfined: an embedded silo writes with the rights
/// of the user who started `pm`, wherever `--direct` could.
/// </summary>
public sealed record ClusterPaths(string EventsFile, string? ResultsRoot = null)
{
    public static ClusterPaths Default { get; } = new(Path.Combine("runs", "events.parquet"), "runs");
}
