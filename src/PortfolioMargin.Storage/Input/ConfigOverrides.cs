using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Command-line values that replace the config file's (`--paths`, `--seed`). They are applied while the file is
/// read, so a file value they replace is not held against the run: `paths: 50` in the file and `--paths 1000`
/// given is a run of 1,000 paths, not an error. <paramref name="GivenScenarios"/> is the size of a `--scenarios`
/// set: the run's paths, and a run of one step, since the set's levels are those at the horizon.
/// </summary>
public readonly record struct ConfigOverrides(int? Paths = null, ulong? Seed = null, int? GivenScenarios = null)
{
    /// <summary>Checks the overrides themselves; the error names the option.</summary>
    public void Check()
    {
        if (Paths is { } paths && paths is < RiskConfig.MinimumPaths or > RiskConfig.MaximumPaths)
        {
            throw new InputException("--paths", 0, "paths", paths < RiskConfig.MinimumPaths ? $"must be at least {RiskConfig.MinimumPaths}, got {paths}" : $"must be at most {RiskConfig.MaximumPaths:N0}, got {paths:N0}");
        }
    }

    /// <summary>The paths a run takes instead of the config's, or null for the config's own.</summary>
    public int? RunPaths => Paths ?? GivenScenarios;

    public RiskConfig ApplyTo(RiskConfig config) => config with { Paths = RunPaths ?? config.Paths, Seed = Seed ?? config.Seed };
}
