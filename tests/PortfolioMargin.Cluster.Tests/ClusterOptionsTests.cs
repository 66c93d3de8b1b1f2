using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Engine;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Runs;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// The cluster settings through the options pattern: every key binds from configuration (enum names in any case),
/// the defaults are the documented ones, each invalid setting fails validation naming its key, a host refuses to
/// start on one, and the repository's cluster-config files bind as they are.
/// </summary>
public sealed class ClusterOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-options-").FullName;

    /// <summary>"Key=value;Key=value", keys under the section.</summary>
    private static IConfiguration Settings(string pairs) => new ConfigurationBuilder()
        .AddInMemoryCollection(pairs.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(kv => KeyValuePair.Create(ClusterConfiguration.Key(kv[0]), (string?)kv[1])))
        .Build();

    [Fact]
    public void Every_key_binds_from_configuration()
    {
        var options = ClusterConfiguration.Read(Settings(
            "ClusterId=c;ServiceId=s;Clustering=redis;Storage=redis;Redis=cache:6380;SiloPort=2000;GatewayPort=3000;DashboardPort=0;Silos=3;" +
            "AdvertisedAddress=10.0.0.7;Device=opencl;MaxBatchAccounts=64;MaxBatchWaitMs=2.5;MaxBatchIdleMs=0.5;OutputFolder=/shared/runs;EventsFile=/shared/e.parquet;" +
            "Runs:MaxAttempts=4;Runs:RetryDelay=00:00:00.100;Runs:MaxRetryDelay=00:00:02;Runs:PollInterval=00:00:00.050"));

        Assert.Equal(
            new MarginClusterOptions
            {
                ClusterId = "c",
                ServiceId = "s",
                Clustering = ClusteringKind.Redis,
                Storage = GrainStorageKind.Redis,
                Redis = "cache:6380",
                SiloPort = 2000,
                GatewayPort = 3000,
                DashboardPort = 0,
                Silos = 3,
                AdvertisedAddress = "10.0.0.7",
                Device = DeviceKind.OpenCL,
                MaxBatchAccounts = 64,
                MaxBatchWaitMs = 2.5,
                MaxBatchIdleMs = 0.5,
                OutputFolder = "/shared/runs",
                EventsFile = "/shared/e.parquet",
                Runs = new MarginRunOptions
                {
                    MaxAttempts = 4,
                    RetryDelay = TimeSpan.FromMilliseconds(100),
                    MaxRetryDelay = TimeSpan.FromSeconds(2),
                    PollInterval = TimeSpan.FromMilliseconds(50),
                },
            },
            options);
        var worker = MarginSiloBuilder.WorkerOptions(options);
        Assert.Equal((DeviceKind.OpenCL, 64, TimeSpan.FromMilliseconds(2.5), TimeSpan.FromMilliseconds(0.5)), (worker.Device, worker.MaxBatchAccounts, worker.MaxBatchWait, worker.MaxBatchIdle));
    }

    [Theory]
    [InlineData("host", DeviceKind.Host, "redis", ClusteringKind.Redis)]
    [InlineData("HOST", DeviceKind.Host, "REDIS", ClusteringKind.Redis)]
    [InlineData("Host", DeviceKind.Host, "Localhost", ClusteringKind.Localhost)]
    [InlineData("opencl", DeviceKind.OpenCL, "LOCALHOST", ClusteringKind.Localhost)]
    [InlineData("OpenCL", DeviceKind.OpenCL, "localhost", ClusteringKind.Localhost)]
    [InlineData("cuda", DeviceKind.Cuda, "rEdIs", ClusteringKind.Redis)]
    [InlineData("Cpu", DeviceKind.Cpu, "redis", ClusteringKind.Redis)]
    [InlineData("aUtO", DeviceKind.Auto, "localhost", ClusteringKind.Localhost)]
    public void Enum_settings_bind_by_name_in_any_case(string device, DeviceKind expected, string clustering, ClusteringKind expectedClustering)
    {
        var options = ClusterConfiguration.Read(Settings($"Device={device};Clustering={clustering};Storage=MEMORY"));

        Assert.Equal((expected, expectedClustering, GrainStorageKind.Memory), (options.Device, options.Clustering, options.Storage));
    }

    [Fact]
    public void No_settings_give_the_documented_defaults()
    {
        var options = ClusterConfiguration.Read(Settings(""));

        Assert.Equal(new MarginClusterOptions(), options);
        Assert.Equal(("portfolio-margin", "portfolio-margin", ClusteringKind.Localhost, GrainStorageKind.Memory, "127.0.0.1:6379"), (options.ClusterId, options.ServiceId, options.Clustering, options.Storage, options.Redis));
        Assert.Equal((11111, 30000, 8080, 1, (string?)null), (options.SiloPort, options.GatewayPort, options.DashboardPort, options.Silos, options.AdvertisedAddress));
        Assert.Equal((DeviceKind.Auto, 4096, 20.0, 5.0), (options.Device, options.MaxBatchAccounts, options.MaxBatchWaitMs, options.MaxBatchIdleMs));
        Assert.Equal(("runs", Path.Combine("runs", "events.parquet")), (options.OutputFolder, options.EventsFile));
        Assert.Equal(new MarginRunOptions(), options.Runs);
    }

    [Theory]
    [InlineData("SiloPort=70000", "PortfolioMargin:Cluster:SiloPort: 70000 is not a port (1–65535)")]
    [InlineData("GatewayPort=0", "PortfolioMargin:Cluster:GatewayPort: 0 is not a port (1–65535)")]
    [InlineData("DashboardPort=-1", "PortfolioMargin:Cluster:DashboardPort: -1 is not a port (1–65535, or 0 for no dashboard)")]
    [InlineData("SiloPort=65535;Silos=2", "PortfolioMargin:Cluster:SiloPort: 65535 leaves no port for silo 1")]
    [InlineData("SiloPort=30001;Silos=3", "PortfolioMargin:Cluster:GatewayPort: 30000 overlaps SiloPort 30001")]
    [InlineData("Silos=0", "PortfolioMargin:Cluster:Silos: is 0, must be >= 1")]
    [InlineData("SiloPort=abc", "PortfolioMargin:Cluster:SiloPort: 'abc' is not a whole number")]
    [InlineData("Device=gpu", "PortfolioMargin:Cluster:Device: 'gpu' is not one of auto, cuda, opencl, cpu, host")]
    [InlineData("Device=7", "PortfolioMargin:Cluster:Device: 7 is not one of auto, cuda, opencl, cpu, host")]
    [InlineData("Clustering=zookeeper", "PortfolioMargin:Cluster:Clustering: 'zookeeper' is not one of localhost, redis")]
    [InlineData("Storage=disk", "PortfolioMargin:Cluster:Storage: 'disk' is not one of memory, redis")]
    [InlineData("ClusterId=", "PortfolioMargin:Cluster:ClusterId: is empty")]
    [InlineData("ServiceId= ", "PortfolioMargin:Cluster:ServiceId: is empty")]
    [InlineData("OutputFolder=", "PortfolioMargin:Cluster:OutputFolder: is empty")]
    [InlineData("EventsFile=", "PortfolioMargin:Cluster:EventsFile: is empty")]
    [InlineData("Clustering=redis;Redis=", "PortfolioMargin:Cluster:Redis: '' names no server (host:port), and clustering uses Redis")]
    [InlineData("Storage=redis;Redis=bogus=1", "PortfolioMargin:Cluster:Redis: 'bogus=1' is not a Redis connection string")]
    [InlineData("AdvertisedAddress=silo-1.example", "PortfolioMargin:Cluster:AdvertisedAddress: 'silo-1.example' is not an IP address")]
    [InlineData("MaxBatchAccounts=0", "PortfolioMargin:Cluster:MaxBatchAccounts: is 0, must be >= 1")]
    [InlineData("MaxBatchWaitMs=-1", "PortfolioMargin:Cluster:MaxBatchWaitMs: is -1, must be a number of milliseconds >= 0")]
    [InlineData("MaxBatchIdleMs=NaN", "PortfolioMargin:Cluster:MaxBatchIdleMs: is NaN, must be a number of milliseconds >= 0")]
    [InlineData("MaxBatchIdleMs=soon", "PortfolioMargin:Cluster:MaxBatchIdleMs: 'soon' is not a number")]
    [InlineData("Runs:MaxAttempts=0", "PortfolioMargin:Cluster:Runs:MaxAttempts: is 0, must be >= 1")]
    [InlineData("Runs:RetryDelay=-00:00:01", "PortfolioMargin:Cluster:Runs:RetryDelay: is -00:00:01, must be >= 0")]
    [InlineData("Runs:MaxRetryDelay=00:00:00.1", "PortfolioMargin:Cluster:Runs:MaxRetryDelay: is 00:00:00.1000000, must be at least RetryDelay (00:00:00.2500000)")]
    [InlineData("Runs:PollInterval=00:00:00", "PortfolioMargin:Cluster:Runs:PollInterval: is 00:00:00, must be > 0")]
    [InlineData("Runs:PollInterval=1s", "PortfolioMargin:Cluster:Runs:PollInterval: '1s' is not a time (hh:mm:ss.fff)")]
    [InlineData("siloPrt=11111", "PortfolioMargin:Cluster:siloPrt: is not a setting")]
    [InlineData("Runs:Attempts=3", "PortfolioMargin:Cluster:Runs:Attempts: is not a setting")]
    public void Each_invalid_setting_fails_validation_naming_its_key(string pairs, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ClusterConfiguration.Read(Settings(pairs)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    [Fact]
    public void A_host_holding_an_invalid_setting_does_not_start_and_says_which()
    {
        var bad = Settings("SiloPort=70000");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMarginClusterOptions(bad);
        using var host = builder.Build();

        // ValidateOnStart: the host's start, not the first use, is where a bad setting is found.
        var error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Equal("PortfolioMargin:Cluster:SiloPort: 70000 is not a port (1–65535)", error.Message);

        // A silo is not even built from it: its ports would be bound before any start.
        Assert.Equal(error.Message, Assert.Throws<OptionsValidationException>(() => MarginSiloHost.BuildHeadless(bad)).Message);
    }

    [Theory]
    [InlineData("local.json", "portfolio-margin-local", ClusteringKind.Localhost, GrainStorageKind.Memory, 1)]
    [InlineData("multi-silo.json", "portfolio-margin-multi", ClusteringKind.Localhost, GrainStorageKind.Memory, 3)]
    [InlineData("redis.json", "portfolio-margin-redis", ClusteringKind.Redis, GrainStorageKind.Redis, 1)]
    public void The_repositorys_cluster_config_files_bind_as_they_are(string file, string clusterId, ClusteringKind clustering, GrainStorageKind storage, int silos)
    {
        var options = ClusterConfiguration.Read(ClusterConfiguration.Build(Path.Combine(RepositoryFolder("cluster-config"), file)));

        Assert.Equal((clusterId, clustering, storage, silos), (options.ClusterId, options.Clustering, options.Storage, options.Silos));
        Assert.Equal((11111, 30000, 8080, DeviceKind.Auto, 4096), (options.SiloPort, options.GatewayPort, options.DashboardPort, options.Device, options.MaxBatchAccounts));
    }

    [Fact]
    public void The_environment_overrides_the_file_and_flags_override_both()
    {
        var file = Path.Combine(_folder, "cluster.json");
        File.WriteAllText(file, """
            {
              // Comments are allowed, as in cluster-config/.
              "clusterId": "from-file", "maxBatchAccounts": 10, "device": "cpu", "runs": { "maxAttempts": 3 }
            }
            """);
        const string variable = "PortfolioMargin__Cluster__MaxBatchAccounts";
        Environment.SetEnvironmentVariable(variable, "20");
        try
        {
            var options = ClusterConfiguration.Read(ClusterConfiguration.Build(file, [ClusterConfiguration.Flag(nameof(MarginClusterOptions.Device), DeviceKind.Host)]));

            Assert.Equal(("from-file", 20, DeviceKind.Host, 3), (options.ClusterId, options.MaxBatchAccounts, options.Device, options.Runs.MaxAttempts));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_missing_or_malformed_file_is_an_input_error_naming_the_file()
    {
        var missing = Path.Combine(_folder, "none.json");
        var malformed = Path.Combine(_folder, "malformed.json");
        File.WriteAllText(malformed, "{\n  \"siloPort\": 11111,\n  \"gatewayPort\" 30000\n}");

        Assert.Equal($"{missing}: file not found", Assert.Throws<InputException>(() => ClusterConfiguration.Build(missing)).Message);
        Assert.StartsWith($"{malformed}:3: ", Assert.Throws<InputException>(() => ClusterConfiguration.Build(malformed)).Message, StringComparison.Ordinal);
    }

    private static string RepositoryFolder(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, name)))
            {
                return Path.Combine(folder.FullName, name);
            }
        }

        throw new DirectoryNotFoundException($"no {name}/ above {AppContext.BaseDirectory}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
