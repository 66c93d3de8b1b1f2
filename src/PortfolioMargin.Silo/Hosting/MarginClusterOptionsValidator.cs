using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PortfolioMargin.Silo.Runs;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// What a valid <see cref="MarginClusterOptions"/> is, checked when a silo or client starts
/// (<see cref="ClusterConfiguration.AddMarginClusterOptions"/>). Every failure names its configuration key, as in
/// "PortfolioMargin:Cluster:SiloPort: 70000 is not a port (1–65535)", so a bad setting is found whichever source
/// (file, environment, flag) it came from. A key the options do not have is refused too: a typo is not a default.
/// </summary>
internal sealed class MarginClusterOptionsValidator(IConfiguration section) : IValidateOptions<MarginClusterOptions>
{
    private const int LastPort = 65535;

    public ValidateOptionsResult Validate(string? name, MarginClusterOptions options)
    {
        var failures = new List<string>();
        UnknownKeys(section, typeof(MarginClusterOptions), failures);
        Ids(options, failures);
        Ports(options, failures);
        Redis(options, failures);
        Worker(options, failures);
        Runs(options.Runs, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => ClusterConfiguration.Key(property);

    private static void UnknownKeys(IConfiguration section, Type type, List<string> failures)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                var known = string.Join(", ", type.GetProperties().Select(p => p.Name));
                failures.Add($"{child.Path}: is not a setting (the settings here are {known})");
            }
            else if (property.PropertyType == typeof(MarginRunOptions))
            {
                UnknownKeys(child, property.PropertyType, failures);
            }
        }
    }

    private static void Ids(MarginClusterOptions options, List<string> failures)
    {
        NotEmpty(nameof(options.ClusterId), options.ClusterId, failures);
        NotEmpty(nameof(options.ServiceId), options.ServiceId, failures);
        NotEmpty(nameof(options.OutputFolder), options.OutputFolder, failures);
        NotEmpty(nameof(options.EventsFile), options.EventsFile, failures);
        OneOf(nameof(options.Clustering), options.Clustering, failures);
        OneOf(nameof(options.Storage), options.Storage, failures);
        OneOf(nameof(options.Device), options.Device, failures);
    }

    private static void Ports(MarginClusterOptions options, List<string> failures)
    {
        if (options.Silos < 1)
        {
            failures.Add($"{Key(nameof(options.Silos))}: is {options.Silos}, must be >= 1");
            return;
        }

        // Instance N listens on every base port + N: the silos' port ranges must fit and must not overlap.
        var ranges = new List<(string Property, int First)> { (nameof(options.SiloPort), options.SiloPort), (nameof(options.GatewayPort), options.GatewayPort) };
        if (options.DashboardPort != 0)
        {
            ranges.Add((nameof(options.DashboardPort), options.DashboardPort));
        }

        foreach (var (property, first) in ranges)
        {
            if (first is < 1 or > LastPort)
            {
                var off = property == nameof(options.DashboardPort) ? ", or 0 for no dashboard" : "";
                failures.Add($"{Key(property)}: {first} is not a port (1–{LastPort}{off})");
            }
            else if (first + options.Silos - 1 > LastPort)
            {
                failures.Add($"{Key(property)}: {first} leaves no port for silo {options.Silos - 1} ({first} + {options.Silos - 1} is past {LastPort})");
            }
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(ranges[i].First - ranges[j].First) < options.Silos)
                {
                    failures.Add($"{Key(ranges[i].Property)}: {ranges[i].First} overlaps {ranges[j].Property} {ranges[j].First} (each of {options.Silos} silos takes the base port + its instance)");
                }
            }
        }
    }

    private static void Redis(MarginClusterOptions options, List<string> failures)
    {
        if (options.Clustering == ClusteringKind.Redis || options.Storage == GrainStorageKind.Redis)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(options.Redis) || StackExchange.Redis.ConfigurationOptions.Parse(options.Redis).EndPoints.Count == 0)
                {
                    failures.Add($"{Key(nameof(options.Redis))}: '{options.Redis}' names no server (host:port), and {Uses(options)} Redis");
                }
            }
            catch (ArgumentException error)
            {
                failures.Add($"{Key(nameof(options.Redis))}: '{options.Redis}' is not a Redis connection string: {error.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress) && !IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{Key(nameof(options.AdvertisedAddress))}: '{options.AdvertisedAddress}' is not an IP address");
        }
    }

    private static string Uses(MarginClusterOptions options) =>
        options.Clustering == ClusteringKind.Redis ? "clustering uses" : "storage uses";

    private static void Worker(MarginClusterOptions options, List<string> failures)
    {
        if (options.MaxBatchAccounts < 1)
        {
            failures.Add($"{Key(nameof(options.MaxBatchAccounts))}: is {options.MaxBatchAccounts}, must be >= 1");
        }

        foreach (var (property, value) in new[] { (nameof(options.MaxBatchWaitMs), options.MaxBatchWaitMs), (nameof(options.MaxBatchIdleMs), options.MaxBatchIdleMs) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                failures.Add($"{Key(property)}: is {value}, must be a number of milliseconds >= 0");
            }
        }
    }

    private static void Runs(MarginRunOptions runs, List<string> failures)
    {
        var key = (string property) => Key($"{nameof(MarginClusterOptions.Runs)}:{property}");
        if (runs.MaxAttempts < 1)
        {
            failures.Add($"{key(nameof(runs.MaxAttempts))}: is {runs.MaxAttempts}, must be >= 1");
        }

        if (runs.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{key(nameof(runs.RetryDelay))}: is {runs.RetryDelay}, must be >= 0");
        }

        if (runs.MaxRetryDelay < runs.RetryDelay)
        {
            failures.Add($"{key(nameof(runs.MaxRetryDelay))}: is {runs.MaxRetryDelay}, must be at least RetryDelay ({runs.RetryDelay})");
        }

        if (runs.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{key(nameof(runs.PollInterval))}: is {runs.PollInterval}, must be > 0");
        }
    }

    private static void NotEmpty(string property, string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(property)}: is empty");
        }
    }

    /// <summary>The binder reads an enum's number as well as its name: "7" binds, and is no device.</summary>
    private static void OneOf<T>(string property, T value, List<string> failures)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            failures.Add($"{Key(property)}: {value} is not one of {ClusterConfiguration.Names<T>()}");
        }
    }
}
