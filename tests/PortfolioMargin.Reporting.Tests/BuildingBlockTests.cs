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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_account_the_books_choice_names_is_in_its_own_shards_choice_whatever_the_cut(int seed)
    {
        // Ties in the requirement (a few distinct values) and more liquidations than the cap, as in book M.
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, 400).Select(i => ($"A{i:000}", (double)random.Next(30), random.NextDouble() < 0.4)).ToList();
        var book = ReportAccounts.Choose(accounts, ReportAccounts.DefaultTop).All.ToList();

        for (var shards = 2; shards <= 6; shards++)
        {
            var cuts = Enumerable.Range(0, shards - 1).Select(_ => random.Next(1, accounts.Count)).Append(0).Append(accounts.Count).Distinct().Order().ToList();
            var union = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k + 1 < cuts.Count; k++)
            {
                union.UnionWith(ReportAccounts.Choose(accounts[cuts[k]..cuts[k + 1]], ReportAccounts.DefaultTop).All);
            }

            Assert.Equal(ReportAccounts.DefaultTop + ReportAccounts.MaxLiquidationSections, book.Count);
            Assert.All(book, account => Assert.Contains(account, union));
        }
    }
}
