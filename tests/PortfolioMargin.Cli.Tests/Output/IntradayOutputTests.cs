using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Cli.Tests.Output;

/// <summary>`pm intraday`'s lines print account ids as data, as the end-of-run table does.</summary>
public sealed class IntradayOutputTests
{
    [Fact]
    public void An_escape_in_an_account_id_is_shown_not_sent_to_the_terminal()
    {
        // ESC [2J clears a terminal; [red] is Spectre markup, which plain text leaves alone.
        var change = new StatusChange("\u001b[2JHEDGE[red]", DateTimeOffset.UnixEpoch, "none", "margin-call", 100, 200, 150, "market-update:u1");
        var stdout = new StringWriter();

        IntradayCommand.Print(new IntradayOutcome("u1", 2, ["\u001b[2JHEDGE[red]"], [change], "events.parquet"), stdout);

        Assert.DoesNotContain('\u001b', stdout.ToString());
        Assert.Contains("  \\x1B[2JHEDGE[red]: none -> margin-call", stdout.ToString());
    }
}
