using System.Text.RegularExpressions;
using PortfolioMargin.Engine;
using PortfolioMargin.Silo.Hosting;
using PortfolioMargin.Silo.Workers;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// The command line's side of the cluster settings: every `--device` value the help lists reaches the embedded
/// silo as its options' device (once "'host' is not one of auto, cuda, opencl, cpu" went the other way), and a bad
/// setting, from a file or the environment, is exit 2 with one line naming its key, before anything runs.
/// </summary>
public sealed partial class ClusterSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-settings-").FullName;

    private static readonly Lazy<string[]> HelpedDevices = new(() =>
    {
        var (exit, help, _) = PmProcess.Run(Path.GetTempPath(), "run", "--help");
        Assert.Equal(0, exit);
        return DeviceList().Match(help).Groups["values"].Value.Split('|');
    });

    [Fact]
    public async Task Every_device_the_help_lists_reaches_the_embedded_silos_options()
    {
        Assert.Equal(Enum.GetValues<DeviceKind>().Length, HelpedDevices.Value.Length);
        using var accelerator = new SiloAccelerator(new RiskWorkerOptions { Device = DeviceKind.Host });
        foreach (var value in HelpedDevices.Value.Concat(HelpedDevices.Value.Select(v => v.ToLowerInvariant())))
        {
            var parse = CommandLine.Build().Parse(["run", "--device", value]);
            Assert.Empty(parse.Errors);
            var device = parse.GetValue<DeviceKind>("--device");
            var settings = ClusterConnection.Settings(new ClusterRequest(null, new RunRequest(null, null, null, null, null, device, null, null, false, [])));
            Assert.Equal(device, ClusterConfiguration.Read(settings).Device);
            if (value != value.ToLowerInvariant() || value == "host")
            {
                // The flag is a configuration source; the silo's host binds it as it binds a file's or the environment's.
                await using var cluster = await MarginClusterClient.StartEmbeddedAsync(settings, accelerator);
                Assert.Equal(device, cluster.Options.Device);
                Assert.Equal(device, MarginSiloBuilder.WorkerOptions(cluster.Options).Device);
                Assert.Equal((ClusteringKind.Localhost, GrainStorageKind.Memory, 0), (cluster.Options.Clustering, cluster.Options.Storage, cluster.Options.DashboardPort));
            }
        }
    }

    [Theory]
    [InlineData("Cuda")]
    [InlineData("OpenCL")]
    public void A_gpu_device_runs_through_the_embedded_silo_as_it_runs_directly(string device)
    {
        // Host, Cpu and Auto are held to the direct run's bytes (DefaultPathTests); a GPU device may be missing here,
        // and then both paths must fail alike, naming it.
        // The help lists the names as they are typed (lower case), as the docs write them.
        Assert.Contains(device.ToLowerInvariant(), HelpedDevices.Value);
        var viaSilo = PmProcess.Run(_folder, "run", "--paths", "1000", "--device", device.ToLowerInvariant(), "--out", Path.Combine(_folder, "silo"));
        var direct = PmProcess.Run(_folder, "run", "--paths", "1000", "--device", device.ToLowerInvariant(), "--direct", "--out", Path.Combine(_folder, "direct"));

        Assert.True(viaSilo.Exit == direct.Exit, $"silo: exit {viaSilo.Exit}: {viaSilo.Stderr}\ndirect: exit {direct.Exit}: {direct.Stderr}");
        if (direct.Exit == 0)
        {
            Assert.Equal(RecordedDevice("direct"), RecordedDevice("silo"));
        }
        else
        {
            var reason = direct.Stderr.Trim().Split('\n')[^1]["error: ".Length..];
            Assert.Contains(reason, viaSilo.Stderr);
            Assert.DoesNotContain("is not one of", viaSilo.Stderr);
        }
    }

    [Theory]
    [InlineData("run", "PortfolioMargin__Cluster__MaxBatchAccounts", "0", "error: PortfolioMargin:Cluster:MaxBatchAccounts: is 0, must be >= 1")]
    [InlineData("run", "PortfolioMargin__Cluster__Runs__MaxAttempts", "0", "error: PortfolioMargin:Cluster:Runs:MaxAttempts: is 0, must be >= 1")]
    [InlineData("silo", "PortfolioMargin__Cluster__SiloPort", "70000", "error: PortfolioMargin:Cluster:SiloPort: 70000 is not a port (1–65535)")]
    [InlineData("silo", "portfolioMargin__cluster__storage", "disk", "error: PortfolioMargin:Cluster:Storage: 'disk' is not one of memory, redis")]
    public void A_bad_setting_in_the_environment_exits_2_naming_its_key(string verb, string variable, string value, string expected)
    {
        var args = verb == "run" ? new[] { "run", "--paths", "1000", "--device", "host", "--out", Path.Combine(_folder, "out") } : ["silo"];

        var (exit, stdout, stderr) = PmProcess.RunWithEnvironment(_folder, new Dictionary<string, string> { [variable] = value }, args);

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal("", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("silo", "--config")]
    [InlineData("cluster-run", "--cluster")]
    [InlineData("intraday", "--cluster")]
    public void A_bad_setting_in_a_cluster_file_exits_2_naming_its_key(string verb, string option)
    {
        var file = Path.Combine(_folder, "cluster.json");
        File.WriteAllText(file, """{ "clustering": "LOCALHOST", "gatewayPort": 70000, "dashboardPort": 0 }""");
        string[] args = verb == "intraday"
            ? ["intraday", option, file, "--market-update", Path.Combine(_folder, "update.json")]
            : [verb, option, file];
        if (verb == "intraday")
        {
            File.WriteAllText(Path.Combine(_folder, "update.json"), """{ "id": "u", "asOf": "2026-11-21T15:30:00Z", "underlyings": [ { "id": "TSLA", "spot": 300 } ] }""");
        }

        var (exit, _, stderr) = PmProcess.Run(_folder, args);

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.Equal("error: PortfolioMargin:Cluster:GatewayPort: 70000 is not a port (1–65535)", stderr.Trim());
    }

    private string? RecordedDevice(string run) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, run, "run.json")))!["device"]?.ToJsonString();

    [GeneratedRegex("--device <(?<values>[A-Za-z|]+)>")]
    private static partial Regex DeviceList();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
