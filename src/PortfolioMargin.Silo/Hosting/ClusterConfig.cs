using System.Text.Json;
using System.Text.Json.Serialization;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// A cluster-config/*.json file: which cluster, how silos find each other (localhost or Redis), where grain state
/// lives (memory or Redis), the silo's ports, and the risk worker's batching. Silo <c>--instance N</c> adds N to
/// every port so several silos share one machine.
/// </summary>
public sealed record ClusterConfig
{
    public string ClusterId { get; init; } = "portfolio-margin";

    public string ServiceId { get; init; } = "portfolio-margin";

    /// <summary>"localhost" (development clustering, the instance-0 silo is the primary) or "redis".</summary>
    public string Clustering { get; init; } = "localhost";

    /// <summary>"memory" or "redis".</summary>
    public string Storage { get; init; } = "memory";

    /// <summary>StackExchange.Redis connection string, for Redis clustering and/or storage.</summary>
    public string Redis { get; init; } = "127.0.0.1:6379";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>The Orleans dashboard's HTTP port on 127.0.0.1; 0 turns it off.</summary>
    public int DashboardPort { get; init; } = 8080;

    /// <summary>How many silos a localhost cluster has: a client looks for gateways on that many ports.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>The address other silos and clients reach this silo on; loopback when unset.</summary>
    public string? AdvertisedAddress { get; init; }

    public string Device { get; init; } = "auto";

    public int MaxBatchAccounts { get; init; } = 4096;

    public double MaxBatchWaitMs { get; init; } = 20;

    public double MaxBatchIdleMs { get; init; } = 5;

    /// <summary>
    /// The results root: run folders go under it on the silo hosting the run (a shared folder across machines), and
    /// a client's --out outside it is refused.
    /// </summary>
    public string OutputFolder { get; init; } = "runs";

    public string EventsFile { get; init; } = Path.Combine("runs", "events.parquet");

    public DeviceKind DeviceKind => Device.ToLowerInvariant() switch
    {
        "auto" => DeviceKind.Auto,
        "cuda" => DeviceKind.Cuda,
        "opencl" => DeviceKind.OpenCL,
        "cpu" => DeviceKind.Cpu,
        "host" => DeviceKind.Host,
        _ => throw new InputException("cluster config", 0, "device", $"'{Device}' is not one of auto, cuda, opencl, cpu, host"),
    };

    public static ClusterConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, "", e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message);
        }

        try
        {
            var config = JsonSerializer.Deserialize<ClusterConfig>(text, Json) ?? throw new InputException(path, 0, "", "is empty");
            config.Check(path);
            return config;
        }
        catch (JsonException e)
        {
            throw new InputException(path, (int)(e.LineNumber ?? -1) + 1, e.Path ?? "", e.Message);
        }
    }

    private void Check(string path)
    {
        if (Clustering is not ("localhost" or "redis"))
        {
            throw new InputException(path, 0, "clustering", $"'{Clustering}' is not one of localhost, redis");
        }

        if (Storage is not ("memory" or "redis"))
        {
            throw new InputException(path, 0, "storage", $"'{Storage}' is not one of memory, redis");
        }

        if (MaxBatchAccounts < 1)
        {
            throw new InputException(path, 0, "maxBatchAccounts", $"is {MaxBatchAccounts}, must be >= 1");
        }

        if (MaxBatchWaitMs < 0)
        {
            throw new InputException(path, 0, "maxBatchWaitMs", $"is {MaxBatchWaitMs}, must be >= 0");
        }

        if (MaxBatchIdleMs < 0)
        {
            throw new InputException(path, 0, "maxBatchIdleMs", $"is {MaxBatchIdleMs}, must be >= 0");
        }

        _ = DeviceKind;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
