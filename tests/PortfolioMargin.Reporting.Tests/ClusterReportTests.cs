using AngleSharp.Html.Parser;
using PortfolioMargin.Cli;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>`pm run --report` through the embedded silo (the default path): the report and its recorded detail come with the results, as with --direct.</summary>
public sealed class ClusterReportTests
{
    [Fact]
    public async Task Default_path_writes_the_report_and_the_same_detail_as_the_direct_path()
    {
        var scratch = Directory.CreateTempSubdirectory("pm-report-cluster-").FullName;
        try
        {
            var output = Path.Combine(scratch, "run");
            var book = new RunRequest(null, null, null, null, null, DeviceKind.Host, 1_000, null, false, ["pm", "run", "--report"], Quiet: true, Report: true);
            var stderr = new StringWriter();

            var code = await ClusterRunCommand.ExecuteAsync(new ClusterRequest(null, book), null, output, false, new StringWriter(), stderr, CancellationToken.None);
            var directOutput = Path.Combine(scratch, "direct");
            var directCode = RunCommand.Execute(book with { OutputPath = directOutput }, new StringWriter(), stderr);

            Assert.True(code == RunCommand.Success && directCode == RunCommand.Success, stderr.ToString());
            var detail = await ReportDetailFile.ReadAsync(Path.Combine(output, ResultFiles.ReportDetail));
            var direct = await ReportDetailFile.ReadAsync(Path.Combine(directOutput, ResultFiles.ReportDetail));
            Assert.Equal(direct.Keys, detail.Keys);
            foreach (var (account, expected) in direct)
            {
                Assert.Equal((expected.LossLowest, expected.BinWidth), (detail[account].LossLowest, detail[account].BinWidth));
                Assert.Equal(expected.PathCounts, detail[account].PathCounts);
                Assert.Equal(expected.Stress, detail[account].Stress);
            }

            var report = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, ResultFiles.Report)));
            Assert.NotNull(report.GetElementById("book-totals"));
            Assert.DoesNotContain("report-detail.parquet is absent", report.GetElementById("accounts")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
