using PortfolioMargin.Cli;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>
/// One `pm run --direct --report` of the bundled sample (2,000 paths, the host backend) shared by the tests of a
/// class; each test copies the folder before it changes anything in it.
/// </summary>
public sealed class SampleRunFixture : IDisposable
{
    public SampleRunFixture()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var request = new RunRequest(null, null, null, null, Output, DeviceKind.Host, 2_000, null, false, ["pm", "run", "--report"], Quiet: true, Report: true);
        var code = RunCommand.Execute(request, stdout, stderr);
        if (code != RunCommand.Success)
        {
            throw new InvalidOperationException($"the sample run failed ({code}): {stderr}");
        }
    }

    public string Scratch { get; } = Directory.CreateTempSubdirectory("pm-report-").FullName;

    public string Output => Path.Combine(Scratch, "run");

    /// <summary>A copy of the run's folder to break or change.</summary>
    public string Copy(string name)
    {
        var copy = Path.Combine(Scratch, name);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Output))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}
