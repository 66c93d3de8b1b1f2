using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Command-line values that replace the config file's (`--paths`, `--seed`). They are applied while the file is
/// read, so a file value they replace is not held against the run: `paths: 50` in the file and `--paths 1000`
/// given is a run of 1,000 paths, not an error.
/// </summary>
public readonly record struct ConfigOverrides(int? Paths = null, ulong? Seed = null)
{
    /// <summary>The fewest paths a run may have: below it the 99% tail holds a single path or none.</summary>
    public const int MinimumPaths = 100;

    /// <summary>The most: one account's P&amp;L row is then 800 MB, which the memory budget must still hold twice.</summary>
    public const int MaximumPaths = 100_000_000;

    /// <summary>Checks the overrides themselves; the error names the option.</summary>
    public void Check()
    {
        if (Paths is { } paths && paths is < MinimumPaths or > MaximumPaths)
        {
            throw new InputException("--paths", 0, "paths", paths < MinimumPaths ? $"must be at least {MinimumPaths}, got {paths}" : $"must be at most {MaximumPaths:N0}, got {paths:N0}");
        }
    }

    public RiskConfig ApplyTo(RiskConfig config) => config with { Paths = Paths ?? config.Paths, Seed = Seed ?? config.Seed };
}
