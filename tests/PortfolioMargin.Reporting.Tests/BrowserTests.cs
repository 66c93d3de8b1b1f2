using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>The sample's report in a real browser, offline: it loads with no console message and draws a page.</summary>
public sealed class BrowserTests(SampleRunFixture run) : IClassFixture<SampleRunFixture>
{
    [ChromiumFact]
    public void Chromium_draws_the_report_as_a_page_that_is_not_one_colour()
    {
        var report = Path.Combine(run.Output, ResultFiles.Report);
        var colours = Chromium.ScreenshotColours(run.Scratch, report, 4000);
        Assert.True(colours > 50, $"{colours} distinct colours in the screenshot");
    }

    [ChromiumFact]
    public void Chromium_loads_the_report_without_a_console_message()
    {
        var report = Path.Combine(run.Output, ResultFiles.Report);

        var (_, dom, log) = Chromium.Run(Path.Combine(run.Scratch, "profile-dom"), report, "--dump-dom", "--enable-logging=stderr", "--v=0");

        Assert.DoesNotContain(log.Split('\n'), IsConsoleMessage);
        Assert.Contains("id=\"account-index\"", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void A_page_with_a_script_error_is_caught_by_the_console_check()
    {
        // The check above would pass on a browser that logs nothing: show that it sees an error where there is one.
        var page = Path.Combine(run.Scratch, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");

        var (_, _, log) = Chromium.Run(Path.Combine(run.Scratch, "profile-broken"), page, "--dump-dom", "--enable-logging=stderr", "--v=0");

        Assert.Contains(log.Split('\n'), IsConsoleMessage);
    }

    [ChromiumFact]
    public void Clicking_a_number_header_sorts_its_table_by_value_and_again_the_other_way()
    {
        var table = new Html.HtmlTable("t", Html.HtmlColumn.Text("name", "name"), Html.HtmlColumn.Number("amount", "amount"))
            .Row(Html.HtmlCell.Text("b"), Html.HtmlCell.Amount(20))
            .Row(Html.HtmlCell.Text("a"), Html.HtmlCell.Amount(-5))
            .Row(Html.HtmlCell.Text("c"), Html.HtmlCell.Amount(1_000))
            .Row(Html.HtmlCell.Text("none"), Html.HtmlCell.Amount(null));
        var page = new Html.HtmlPage("sorting").Section("s", "s", table.Render()).Render();

        // After the page's own script: click the amount header once (largest first), and the name header twice.
        var clicks = "<script>document.querySelector('#t th.num').click();document.body.dataset.first=Array.from(document.querySelectorAll('#t tbody tr')).map(r=>r.cells[0].textContent).join(',');"
            + "var byName=document.querySelector('#t th');byName.click();byName.click();</script></body>";
        var path = Path.Combine(run.Scratch, "sorting.html");
        File.WriteAllText(path, page.Replace("</body>", clicks, StringComparison.Ordinal));

        var (_, dom, _) = Chromium.Run(Path.Combine(run.Scratch, "profile-sort"), path, "--dump-dom");

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(dom);
        Assert.Equal("c,b,a,none", document.Body!.GetAttribute("data-first"));
        Assert.Equal(["a", "b", "c", "none"], document.QuerySelectorAll("#t tbody tr").Select(r => r.Children[0].TextContent));
    }

    /// <summary>Chromium writes every console message and uncaught error of the page to its log as CONSOLE lines.</summary>
    private static bool IsConsoleMessage(string line) =>
        line.Contains("CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal);
}
