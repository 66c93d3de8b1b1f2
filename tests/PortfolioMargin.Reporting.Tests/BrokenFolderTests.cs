using PortfolioMargin.Cli;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>A run folder with a file missing or cut short: exit 2, the file named, and no report, whole or half.</summary>
public sealed class BrokenFolderTests(SampleRunFixture run) : IClassFixture<SampleRunFixture>
{
    [Theory]
    [InlineData(ResultFiles.Accounts)]
    [InlineData(ResultFiles.Positions)]
    [InlineData(ResultFiles.RunRecord)]
    [InlineData(ResultFiles.ReportDetail)]
    public void Missing_file_is_named_and_nothing_is_written(string file)
    {
        var folder = run.Copy("missing-" + file);
        File.Delete(Path.Combine(folder, file));

        var (code, stderr) = Report(folder);

        Assert.Equal(RunCommand.BadInput, code);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
        Assert.Contains("missing", stderr, StringComparison.Ordinal);
        AssertNothingWritten(folder);
    }

    [Theory]
    [InlineData(ResultFiles.Accounts)]
    [InlineData(ResultFiles.Positions)]
    [InlineData(ResultFiles.Strategies)]
    [InlineData(ResultFiles.RunRecord)]
    public void Truncated_file_is_named_and_nothing_is_written(string file)
    {
        var folder = run.Copy("truncated-" + file);
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var (code, stderr) = Report(folder);

        Assert.Equal(RunCommand.BadInput, code);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
        AssertNothingWritten(folder);
    }

    [Fact]
    public void Truncated_table_not_listed_in_run_json_is_still_named()
    {
        // A folder whose run.json has no sizes to compare with: the Parquet reader itself finds the file cut short.
        var folder = run.Copy("unlisted");
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!.AsObject();
        record.Remove("outputs");
        File.WriteAllText(Path.Combine(folder, ResultFiles.RunRecord), record.ToJsonString());
        var path = Path.Combine(folder, ResultFiles.Positions);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var (code, stderr) = Report(folder);

        Assert.Equal(RunCommand.BadInput, code);
        Assert.Contains(ResultFiles.Positions, stderr, StringComparison.Ordinal);
        AssertNothingWritten(folder);
    }

    private static (int Code, string Stderr) Report(string folder)
    {
        File.Delete(Path.Combine(folder, ResultFiles.Report));
        var stderr = new StringWriter();
        var code = ReportCommand.Execute(folder, null, 10, null, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    private static void AssertNothingWritten(string folder)
    {
        Assert.False(File.Exists(Path.Combine(folder, ResultFiles.Report)));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
