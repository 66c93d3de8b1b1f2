namespace PortfolioMargin.Silo;

/// <summary>Where a silo writes: events.parquet. In a multi-machine cluster this is a shared folder.</summary>
public sealed record ClusterPaths(string EventsFile)
{
    public static ClusterPaths Default { get; } = new(Path.Combine("runs", "events.parquet"));
}
