using AngleSharp.Html.Parser;
using PortfolioMargin.Cli;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>`pm run --report` through the embedded silo (the default path): the report comes with the results, without the recorded detail.</summary>
public sealed class ClusterReportTests
{
    [Fact]
    public async Task Default_path_writes_the_report_with_the_results_and_says_the_distributions_were_not_recorded()
    {
        var scratch = Directory.CreateTempSubdirectory("pm-report-cluster-").FullName;
        try
        {
            var output = Path.Combine(scratch, "run");
            var book = new RunRequest(null, null, null, null, null, DeviceKind.Host, 1_000, null, false, ["pm", "run", "--report"], Quiet: true, Report: true);
            var stderr = new StringWriter();

            var code = await ClusterRunCommand.ExecuteAsync(new ClusterRequest(null, book), null, output, false, new StringWriter(), stderr, CancellationToken.None);

            Assert.True(code == RunCommand.Success, stderr.ToString());
            Assert.False(File.Exists(Path.Combine(output, ResultFiles.ReportDetail)));
            var report = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, ResultFiles.Report)));
            Assert.NotNull(report.GetElementById("book-totals"));
            Assert.Contains("report-detail.parquet is absent", report.GetElementById("accounts")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
