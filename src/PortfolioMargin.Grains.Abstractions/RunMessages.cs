using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>One input file of a run as the client saw it, for run.json.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.RunInput"), Immutable]
public sealed record RunInput(string Role, string Path, string Sha256);

/// <summary>
/// An end-of-day run: the market, the config and the whole book. Results go to <paramref name="OutputFolder"/>,
/// resolved on the silo hosting the run against its results root (a relative folder lands under the root; one
/// outside it is refused), a folder shared by the silos' machines in a multi-machine cluster.
/// <paramref name="UpdateAccounts"/> false skips handing the account grains their results: for a one-off run in a
/// silo that ends with its process, where nothing would read them. <paramref name="Report"/> true also writes
/// report.html into the run's folder, with the other files (`pm run --report`; without the per-account loss
/// distributions and stress grids, which only `pm run --direct --report` records: docs/report.md).
/// <paramref name="Scenarios"/>: a given scenario set (`pm run --scenarios`) every shard prices instead of simulated
/// paths; the config is then of one step and as many paths as scenarios.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarginRunRequest"), Immutable]
public sealed record MarginRunRequest(
    string RunId,
    MarketSnapshot Market,
    RiskConfig Config,
    Position[] Positions,
    CollateralHolding[] Collateral,
    string OutputFolder,
    RunInput[] Inputs,
    string[] CommandLine,
    bool UpdateAccounts = true,
    bool Report = false,
    ScenarioSet? Scenarios = null);

public enum RunPhase
{
    NotSubmitted = 0,
    Running = 1,

    /// <summary>Every account priced and the run's files written; the account grains may still be taking their results.</summary>
    Completed = 2,
}

/// <summary>
/// Progress of a run. <paramref name="Starts"/> counts how often the run was started (1 for a run that was never
/// interrupted, however often it was submitted); <paramref name="Submissions"/> counts the submissions;
/// <paramref name="Done"/> the accounts priced so far. <paramref name="AccountsUpdated"/> turns true once every
/// account grain holds this run's book and margin (after the files are written, off the run's critical path).
/// <paramref name="StoppedBy"/> is set while a run is neither complete nor being driven: the error that stopped
/// it; a re-submission starts it again, unless <paramref name="StoppedForGood"/> says it would meet the same error
/// (an output folder it cannot use, an engine failure), and <paramref name="StoppedByInput"/> that the book itself
/// caused it (a result that is not a finite number, a run too big for memory): bad input. A run never writes part of a book.
/// <paramref name="Fraction"/> is the share of the pricing done (the shards' engine shares weighed by their accounts,
/// 1 once the files are written) and <paramref name="Stage"/> the stage of the first shard still pricing.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarginRunStatus"), Immutable]
public sealed record MarginRunStatus(
    string RunId,
    RunPhase Phase,
    int Accounts,
    int Done,
    int Retries,
    int Submissions,
    int Starts,
    string? OutputFolder,
    bool AccountsUpdated,
    string? StoppedBy = null,
    bool StoppedForGood = false,
    bool StoppedByInput = false,
    double Fraction = 0.0,
    string? Stage = null);
