namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>`pm run --direct --report` then `pm report` as a user runs them: the files, the exit codes, the messages.</summary>
public sealed class ReportProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-report-").FullName;

    [Fact]
    public void Run_with_report_writes_the_report_and_pm_report_writes_it_again_where_asked()
    {
        var run = Path.Combine(_folder, "run");
        var (exit, _, stderr) = PmProcess.Run(_folder, ["run", "--direct", "--report", "--quiet", "--paths", "1000", "--device", "host", "--out", run]);
        Assert.True(exit == RunCommand.Success, $"exit {exit}: {stderr}");
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.True(File.Exists(Path.Combine(run, "report-detail.parquet")));

        var (again, stdout, errors) = PmProcess.Run(_folder, ["report", run, "--out", Path.Combine(_folder, "again.html"), "--top", "3"]);

        Assert.True(again == RunCommand.Success, $"exit {again}: {errors}");
        Assert.Contains("again.html", stdout);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(_folder, "again.html")));
    }

    [Fact]
    public void A_folder_that_is_not_a_run_exits_2_naming_the_file_it_lacks()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));

        var (exit, stdout, stderr) = PmProcess.Run(_folder, ["report", Path.Combine(_folder, "empty")]);

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Contains("run.json: file is missing", stderr);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, "empty")));
    }

    [Fact]
    public void A_negative_top_is_a_usage_error()
    {
        var (exit, _, stderr) = PmProcess.Run(_folder, ["report", _folder, "--top", "-1"]);

        Assert.Equal(RunCommand.BadInput, exit);
        Assert.Contains("option '--top': '-1' is not a whole number of 0 or more", stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
