using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// Where <see cref="MarginClusterOptions"/> come from, weakest first: ./appsettings.json's <c>PortfolioMargin:Cluster</c>
/// section, a cluster-config/*.json file (its keys at the root are that section's), environment variables
/// (<c>PortfolioMargin__Cluster__Device=host</c>), then the command's own flags as an in-memory source. The binder
/// reads every value, enum names in any case; <see cref="MarginClusterOptionsValidator"/> checks the result.
/// </summary>
public static partial class ClusterConfiguration
{
    public const string Section = "PortfolioMargin:Cluster";

    /// <summary>The full configuration key of a property of <see cref="MarginClusterOptions"/>: "PortfolioMargin:Cluster:SiloPort".</summary>
    public static string Key(string property) => $"{Section}:{property}";

    /// <param name="file">A cluster-config JSON file, or null for none.</param>
    /// <param name="flags">Settings the command line gave, by <see cref="Key"/>; they override every other source.</param>
    public static IConfiguration Build(string? file = null, IEnumerable<KeyValuePair<string, string?>>? flags = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        if (file is not null)
        {
            builder.AddInMemoryCollection(ReadFile(Path.GetFullPath(file)));
        }

        builder.AddEnvironmentVariables();
        if (flags is not null)
        {
            builder.AddInMemoryCollection(flags);
        }

        return builder.Build();
    }

    /// <summary><paramref name="settings"/> with <paramref name="flags"/> over them.</summary>
    public static IConfiguration Over(IConfiguration settings, IEnumerable<KeyValuePair<string, string?>> flags) =>
        new ConfigurationBuilder().AddConfiguration(settings).AddInMemoryCollection(flags).Build();

    /// <summary>A flag's value as configuration holds it: the binder reads it back (an enum by name, a number invariantly).</summary>
    public static KeyValuePair<string, string?> Flag<T>(string property, T value)
        where T : notnull =>
        new(Key(property), Convert.ToString(value, CultureInfo.InvariantCulture));

    /// <summary>Binds the section and checks it when the host starts (and when the options are first read).</summary>
    public static IServiceCollection AddMarginClusterOptions(this IServiceCollection services, IConfiguration settings)
    {
        var section = settings.GetSection(Section);
        services.AddOptions<MarginClusterOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MarginClusterOptions>>(new MarginClusterOptionsValidator(section));
        return services;
    }

    /// <summary>
    /// The options as a host built from <paramref name="settings"/> will see them, read now: what a host is built
    /// from (its clustering, its ports) must be valid before it is built.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is invalid or cannot be read; the message names its key.</exception>
    public static MarginClusterOptions Read(IConfiguration settings)
    {
        using var services = new ServiceCollection().AddMarginClusterOptions(settings).BuildServiceProvider();
        try
        {
            return services.GetRequiredService<IOptions<MarginClusterOptions>>().Value;
        }
        catch (InvalidOperationException error) when (FailedConversion().Match(error.Message) is { Success: true } match)
        {
            // The binder's words name the .NET type; say what the key takes instead.
            var key = match.Groups["key"].Value;
            throw new OptionsValidationException(Options.DefaultName, typeof(MarginClusterOptions), [$"{key}: '{settings[key]}' is not {Expected(key)}"]);
        }
    }

    /// <summary>The names of an enum's values, as a setting may spell them (in any case).</summary>
    public static string Names<T>()
        where T : struct, Enum => Names(typeof(T));

    private static string Names(Type enumType) => string.Join(", ", Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()));

    private static string Expected(string key)
    {
        var type = typeof(MarginClusterOptions);
        foreach (var part in key[(Section.Length + 1)..].Split(':'))
        {
            type = type.GetProperty(part, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType ?? typeof(object);
        }

        return type switch
        {
            _ when type.IsEnum => $"one of {Names(type)}",
            _ when type == typeof(int) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(TimeSpan) => "a time (hh:mm:ss.fff)",
            _ => "of the right form (docs/cluster.md)",
        };
    }

    /// <summary>A cluster-config file's keys, under <see cref="Section"/>; a missing or malformed file is an input error naming it.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> ReadFile(string path)
    {
        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (FileNotFoundException)
        {
            throw new InputException(path, 0, "", "file not found");
        }
        catch (Exception error) when (error.GetBaseException() is JsonException json)
        {
            throw new InputException(path, (int)(json.LineNumber ?? -1) + 1, "", json.Message);
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, "", error.GetBaseException().Message);
        }

        return file.AsEnumerable(makePathsRelative: true).Select(pair => KeyValuePair.Create(Key(pair.Key), pair.Value));
    }

    [GeneratedRegex("at '(?<key>[^']+)' to type '")]
    private static partial Regex FailedConversion();
}
