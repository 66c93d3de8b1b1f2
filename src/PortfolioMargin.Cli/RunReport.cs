using System.Globalization;
using PortfolioMargin.Core.Margin;
using Spectre.Console;

namespace PortfolioMargin.Cli;

/// <summary>
/// The end-of-run summary: the largest requirements, a count per status, the capital portfolio margin saves
/// against the strategy-based rules (and the accounts where it charges more), and where the files went.
/// </summary>
internal static class RunReport
{
    public static void Print(IReadOnlyList<AccountMargin> accounts, string folder, TimeSpan elapsed, TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (stderr != Console.Error || Console.IsErrorRedirected)
        {
            // Not a terminal: Spectre would assume 80 columns and wrap the money columns.
            console.Profile.Width = 120;
        }

        var table = new Table().Title("Largest initial margins");
        foreach (var column in new[] { "account", "initial margin", "ES (±s.e.)", "stress loss", "equity", "excess", "status" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var a in accounts.OrderByDescending(a => a.Requirement.InitialMargin).Take(10))
        {
            // Account ids are data: Text, not markup ("HEDGE[A]" is no style), with control characters shown, not sent.
            table.AddRow(
                new Text(Printable(a.Account)),
                new Text(Money(a.Requirement.InitialMargin)),
                new Text($"{Money(a.Horizon.ExpectedShortfall)} ±{Money(a.Horizon.ExpectedShortfallStdError)}"),
                new Text(Money(a.Stress.Loss)),
                new Text(Money(a.Equity.Total)),
                new Text(Money(a.Requirement.Excess)),
                new Text(a.Status.ToWire()));
        }

        console.Write(table);
        var counts = Enum.GetValues<AccountStatus>().Select(s => $"{s.ToWire()} {accounts.Count(a => a.Status == s)}");
        console.WriteLine($"accounts: {accounts.Count} ({string.Join(", ", counts)})");
        console.WriteLine(SavingLine(accounts));
        console.WriteLine($"results: {Printable(Path.GetFullPath(folder))}  ({elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>
    /// Book totals of both requirements and the saving, and how many accounts portfolio margin charges more than
    /// the strategy rules (a book with little to offset and a stress or tail worse than the rules' fixed percentages;
    /// docs/model.md says when).
    /// </summary>
    public static string SavingLine(IReadOnlyList<AccountMargin> accounts)
    {
        var portfolio = accounts.Sum(a => a.Requirement.InitialMargin);
        var strategy = accounts.Sum(a => a.StrategyMargin);
        // Equal requirements summed in another order (a long option's premium, both ways) differ in the last bits:
        // higher means by more than rounding.
        var higher = accounts.Count(a => a.CapitalSaving < -1e-9 * Math.Max(Math.Abs(a.StrategyMargin), Math.Abs(a.Requirement.InitialMargin)));
        return $"portfolio margin {Money(portfolio)} vs strategy-based {Money(strategy)}: saves {Money(strategy - portfolio)}; higher on {higher} account{(higher == 1 ? "" : "s")}";
    }

    /// <summary>What the run prices, for the line that opens it: simulated paths and their seed, or a given set.</summary>
    public static string Paths(Core.Risk.RiskConfig config, Core.Scenarios.ScenarioSet? given) => given is null
        ? $"{config.Paths} paths, seed {config.Seed}"
        : $"{given.Count} given scenarios";

    /// <summary>The text with every control character (an ANSI escape's ESC, a newline) written as \xNN.</summary>
    public static string Printable(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString())) : text;

    public static string Money(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
