using PortfolioMargin.Engine;
using PortfolioMargin.Silo.Runs;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// The configuration section <c>PortfolioMargin:Cluster</c> (<see cref="ClusterConfiguration"/>): which cluster, how
/// silos find each other (localhost or Redis), where grain state lives (memory or Redis), the silo's ports, and the
/// risk worker's batching. A cluster-config/*.json file holds these keys at its root; environment variables
/// (<c>PortfolioMargin__Cluster__SiloPort</c>) and command-line flags override it. Silo <c>--instance N</c> adds N to
/// every port so several silos share one machine. <see cref="MarginClusterOptionsValidator"/> says what is valid.
/// </summary>
public sealed record MarginClusterOptions
{
    /// <summary>Orleans cluster id; silos and clients must agree. Default <c>portfolio-margin</c>.</summary>
    public string ClusterId { get; init; } = "portfolio-margin";

    /// <summary>Orleans service id; silos and clients must agree. Default <c>portfolio-margin</c>.</summary>
    public string ServiceId { get; init; } = "portfolio-margin";

    /// <summary>How silos find each other. Default <see cref="ClusteringKind.Localhost"/>.</summary>
    public ClusteringKind Clustering { get; init; } = ClusteringKind.Localhost;

    /// <summary>Where grain state lives. Default <see cref="GrainStorageKind.Memory"/>.</summary>
    public GrainStorageKind Storage { get; init; } = GrainStorageKind.Memory;

    /// <summary>StackExchange.Redis connection string, for Redis clustering and/or storage. Default <c>127.0.0.1:6379</c>.</summary>
    public string Redis { get; init; } = "127.0.0.1:6379";

    /// <summary>Silo-to-silo port of instance 0 (instance N listens on SiloPort + N). Default 11111.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port of instance 0 (instance N: GatewayPort + N). Default 30000.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The Orleans dashboard's HTTP port on 127.0.0.1 (instance N: DashboardPort + N); 0 turns it off. Default 8080.</summary>
    public int DashboardPort { get; init; } = 8080;

    /// <summary>How many silos a localhost cluster has: a client looks for gateways on that many ports. Default 1.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>The IP address other silos and clients reach this silo on (Redis clustering); loopback when unset, the default.</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>The risk worker's backend. Default <see cref="DeviceKind.Auto"/>.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>At most this many accounts go into one risk-worker engine call. Default 4096.</summary>
    public int MaxBatchAccounts { get; init; } = 4096;

    /// <summary>The longest a risk-worker batch stays open after its first account, in milliseconds. Default 20.</summary>
    public double MaxBatchWaitMs { get; init; } = 20;

    /// <summary>A risk-worker batch also closes once no account has arrived for this many milliseconds. Default 5.</summary>
    public double MaxBatchIdleMs { get; init; } = 5;

    /// <summary>
    /// The results root: run folders go under it on the silo hosting the run (a shared folder across machines), and
    /// a client's --out outside it is refused. Default <c>runs</c>.
    /// </summary>
    public string OutputFolder { get; init; } = "runs";

    /// <summary>Where margin events are kept. Default <c>runs/events.parquet</c>.</summary>
    public string EventsFile { get; init; } = Path.Combine("runs", "events.parquet");

    /// <summary>
    /// How end-of-day runs retry their shards (the <c>Runs</c> subsection: MaxAttempts, RetryDelay, MaxRetryDelay,
    /// PollInterval, times as hh:mm:ss.fff). Defaults: <see cref="MarginRunOptions"/>'s.
    /// </summary>
    public MarginRunOptions Runs { get; init; } = new();
}

/// <summary>How the silos of a cluster find each other.</summary>
public enum ClusteringKind
{
    /// <summary>Orleans development clustering on this machine: instance 0 is the primary every other silo joins through.</summary>
    Localhost,

    /// <summary>Membership in Redis (<see cref="MarginClusterOptions.Redis"/>): silos on any machine.</summary>
    Redis,
}

/// <summary>Where grain state lives.</summary>
public enum GrainStorageKind
{
    /// <summary>In the silo's memory: lost with the silo that holds it.</summary>
    Memory,

    /// <summary>In Redis (<see cref="MarginClusterOptions.Redis"/>): it outlives every silo.</summary>
    Redis,
}
