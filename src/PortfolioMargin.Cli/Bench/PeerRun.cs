using System.Diagnostics;
using System.Text.Json;

namespace PortfolioMargin.Cli.Bench;

/// <summary>
/// The repository's numpy/scipy peer (benchmarks/peers/peer_numpy.py) run on the same book in the same invocation:
/// its own stage timings (total_s, from after imports to the ES) and the wall time of the whole process.
/// </summary>
internal sealed record PeerRun(double TotalSeconds, double WallSeconds, double RevalueSeconds, double EsSum, string Json)
{
    /// <summary>The peer's path inside the repository, from the folder that holds the solution file.</summary>
    public static readonly string ScriptInRepository = Path.Combine("benchmarks", "peers", "peer_numpy.py");

    private const string Solution = "PortfolioMargin.Gpu.sln";

    /// <summary>
    /// Walks up from the current directory, then from the executable's (bin/Release/net10.0 or a publish folder
    /// inside the clone), to the repository root and returns its peer script; null where neither lies in a clone
    /// that has one.
    /// </summary>
    public static string? FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Solution)))
                {
                    var candidate = Path.Combine(dir.FullName, ScriptInRepository);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }

                    break; // a clone without the peer: try the next starting point
                }
            }
        }

        return null;
    }

    /// <summary>Debian's python3 (where python3-numpy and python3-scipy install) unless PM_PEER_PYTHON names another.</summary>
    public static string Python =>
        Environment.GetEnvironmentVariable("PM_PEER_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

    public static PeerRun Run(string script, string book, int paths)
    {
        var python = Python;
        var start = new ProcessStartInfo(python, [script, book, paths.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"peer failed ({process.ExitCode}): {errors.Trim()}");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new PeerRun(root.GetProperty("total_s").GetDouble(), wall, root.GetProperty("revalue_s").GetDouble(), root.GetProperty("es_sum").GetDouble(), line);
    }
}
