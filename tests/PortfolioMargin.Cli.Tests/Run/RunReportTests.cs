using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>Account ids are data: the console table prints them as they are, never as markup or terminal escapes.</summary>
public sealed class RunReportTests
{
    private static AccountMargin Account(string id, double initialMargin) =>
        new(id, new TailRisk(1, 2, 0.1), null, new StressOutcome(3, -0.1, 0),
            new MarginRequirement(0, initialMargin, 0.8 * initialMargin, -initialMargin, AccountStatus.Liquidation), new AccountEquity(0, 0), default, 0);

    [Fact]
    public void Markup_brackets_and_escape_characters_in_account_ids_are_printed_not_interpreted()
    {
        var stderr = new StringWriter();

        RunReport.Print([Account("HEDGE[A]", 200), Account("[red]X[/]", 150), Account("\u001b[31mRED", 100)], "out", TimeSpan.FromSeconds(1), stderr);

        var text = stderr.ToString();
        Assert.Contains("HEDGE[A]", text);
        Assert.Contains("[red]X[/]", text);
        Assert.Contains("\\x1B[31mRED", text);
        Assert.DoesNotContain("\u001b[31mRED", text);
    }
}
