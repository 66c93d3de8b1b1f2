using PortfolioMargin.Engine;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>Runs `pm run` in-process against a scratch folder, capturing stdout and stderr.</summary>
internal sealed class RunFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pm-run-").FullName;

    public string Output => Path.Combine(Folder, "out");

    public StringWriter Stdout { get; } = new();

    public StringWriter Stderr { get; } = new();

    /// <summary>Copies a bundled sample file into the scratch folder, optionally edited, and returns its path.</summary>
    public string Sample(string name, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(SampleBook.PathOf(name));
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, edit is null ? text : edit(text));
        return path;
    }

    public int Run(
        string? market = null, string? positions = null, string? collateral = null, string? config = null,
        int? paths = 2_000, bool json = false, DeviceKind device = DeviceKind.Cpu, string? output = null, string? scenarios = null)
    {
        var request = new RunRequest(
            market ?? Sample("market.json"),
            positions ?? Sample("positions.csv"),
            collateral ?? Sample("collateral.csv"),
            config ?? Sample("config.json"),
            output ?? Output, device, paths, null, json, ["pm", "run"], ScenariosPath: scenarios);
        return RunCommand.Execute(request, Stdout, Stderr);
    }

    /// <summary>Everything in the scratch folder that is not an input file: must be empty after a failed run.</summary>
    public IReadOnlyList<string> Written() =>
        Directory.EnumerateFileSystemEntries(Folder).Where(p => !p.EndsWith(".json", StringComparison.Ordinal) && !p.EndsWith(".csv", StringComparison.Ordinal)).ToList();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
