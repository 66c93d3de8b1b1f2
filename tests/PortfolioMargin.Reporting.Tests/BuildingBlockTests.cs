using AngleSharp.Html.Parser;
using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Reporting.Margin;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>The reusable pieces: tables keep exact values and encode text; the account choice is the documented one.</summary>
public sealed class BuildingBlockTests
{
    [Fact]
    public void Table_cells_keep_the_exact_value_and_encode_text()
    {
        var table = new HtmlTable("t", HtmlColumn.Text("name", "name"), HtmlColumn.Number("amount", "amount", "USD"))
            .Row(HtmlCell.Text("<b>&"), HtmlCell.Amount(1234567.891))
            .Row(HtmlCell.Text("empty"), HtmlCell.Amount(null));

        var document = new HtmlParser().ParseDocument(new HtmlPage("page").Section("s", "section", table.Render()).Render());

        var rows = document.QuerySelectorAll("#t tbody tr");
        Assert.Equal("<b>&", rows[0].Children[0].TextContent);
        Assert.Equal("1,234,568", rows[0].Children[1].TextContent);
        Assert.Equal("1234567.891", rows[0].Children[1].GetAttribute("data-value"));
        Assert.Null(rows[1].Children[1].GetAttribute("data-value"));
        Assert.Contains("num", document.QuerySelectorAll("#t thead th")[1].ClassList);
        Assert.NotNull(document.QuerySelector("nav a[href='#s']"));
    }

    [Fact]
    public void Report_accounts_are_the_largest_requirements_then_liquidations_up_to_the_cap()
    {
        var accounts = Enumerable.Range(0, 200).Select(i => ($"A{i:000}", (double)i, i % 2 == 0)).ToList();

        var choice = ReportAccounts.Choose(accounts, 3);

        Assert.Equal(["A199", "A198", "A197"], choice.Top);
        Assert.Equal(ReportAccounts.MaxLiquidationSections, choice.Liquidations.Count);
        Assert.Equal("A196", choice.Liquidations[0]);
        Assert.Equal(100 - 1 - ReportAccounts.MaxLiquidationSections, choice.LiquidationsOmitted);
    }
}
