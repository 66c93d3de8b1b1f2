using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// What a run ran on, for run.json: the engine's version and the commit it was built from (the SDK writes the
/// commit into the informational version), the .NET runtime, ILGPU where it was loaded, the OS and the CPU.
/// </summary>
public static class RunEnvironment
{
    public static string EngineVersion =>
        typeof(AccountMargin).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The git commit the engine was built from, or "unknown" for a build outside a repository.</summary>
    public static string EngineCommit
    {
        get
        {
            var informational = typeof(AccountMargin).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
            var plus = informational.IndexOf('+');
            return plus >= 0 && plus < informational.Length - 1 ? informational[(plus + 1)..] : "unknown";
        }
    }

    /// <summary>The runtime, ILGPU, OS and CPU; the engine's version and commit stand at the top of run.json.</summary>
    public static JsonObject Describe() => new()
    {
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["ilgpu"] = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "ILGPU")?.GetName().Version?.ToString() ?? "not loaded",
        ["os"] = RuntimeInformation.OSDescription,
        ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        ["cpu"] = CpuModel(),
        ["processors"] = Environment.ProcessorCount,
    };

    private static string CpuModel()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            return line?[(line.IndexOf(':') + 1)..].Trim() ?? "unknown";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
