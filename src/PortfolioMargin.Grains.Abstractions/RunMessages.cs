using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Grains;

/// <summary>One input file of a run as the client saw it, for run.json.</summary>
[GenerateSerializer, Immutable]
public sealed record RunInput(string Role, string Path, string Sha256);

/// <summary>
/// An end-of-day run: the market, the config and the whole book. Results go to <paramref name="OutputFolder"/> on
/// the silo that hosts the run (shared storage in a multi-machine cluster).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarginRunRequest(
    string RunId,
    MarketSnapshot Market,
    RiskConfig Config,
    Position[] Positions,
    CollateralHolding[] Collateral,
    string OutputFolder,
    RunInput[] Inputs,
    string[] CommandLine);

public enum RunPhase
{
    NotSubmitted = 0,
    Running = 1,
    Completed = 2,
}

/// <summary>
/// Progress of a run. <paramref name="Starts"/> counts how often the fan-out was started (1 for a run that was
/// never interrupted, however often it was submitted); <paramref name="Submissions"/> counts the submissions.
/// <paramref name="StoppedBy"/> is set while a run is neither complete nor being driven: the error that stopped
/// it, which a re-submission retries from what is already priced.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarginRunStatus(
    string RunId,
    RunPhase Phase,
    int Accounts,
    int Done,
    int Failed,
    int Retries,
    int Submissions,
    int Starts,
    string? OutputFolder,
    string[] FailedAccounts,
    string? StoppedBy = null)
{
    public int Remaining => Accounts - Done - Failed;
}
