using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Accounts;

namespace PortfolioMargin.Silo.Runs;

/// <summary>A run is checked whole before anything starts, so a bad book fails the submission, not part of the run.</summary>
internal static class RunValidation
{
    public static void Check(string runId, MarginRunRequest request)
    {
        if (request.RunId != runId)
        {
            throw new MarginRequestException($"run request: field 'runId': '{request.RunId}' was sent to run '{runId}'");
        }

        if (string.IsNullOrWhiteSpace(runId) || runId.IndexOfAny(['/', '\\', '#']) >= 0 || runId is "." or "..")
        {
            throw new MarginRequestException($"run request: field 'runId': '{runId}' must be a plain folder name");
        }

        if (string.IsNullOrWhiteSpace(request.OutputFolder))
        {
            throw new MarginRequestException("run request: field 'outputFolder': is empty");
        }

        if (request.Market is null || request.Config is null || request.Positions is null || request.Collateral is null)
        {
            throw new MarginRequestException("run request: the market, config, positions and collateral are all required");
        }

        if (request.Positions.Length == 0 && request.Collateral.Length == 0)
        {
            throw new MarginRequestException("run request: the book holds no positions and no collateral");
        }

        // The config file's own rules, for a config that never was a file.
        if (request.Config.FirstProblem() is { } problem)
        {
            var where = problem.Element is { } i ? $"{problem.Field}[{i}]" : problem.Key is { } key ? $"{problem.Field}.{key}" : problem.Field;
            throw new MarginRequestException($"run request: config: field '{where}': {problem.Problem}");
        }

        // One pass over the book in file order; indexes are the request's.
        try
        {
            BookValidation.CheckMarket(request.Market);
            BookValidation.CheckPositions(null, request.Positions, request.Market);
            BookValidation.CheckCollateral(null, request.Collateral, request.Market);
        }
        catch (MarginRequestException error)
        {
            throw new MarginRequestException($"run request: {error.Message}");
        }

        if (request.Scenarios is { } given)
        {
            if (request.Config.Steps != 1 || request.Config.Paths != given.Count)
            {
                throw new MarginRequestException(
                    $"run request: field 'scenarios': {given.Count} given scenarios need a config of one step and {given.Count} paths; it has {request.Config.Steps} steps and {request.Config.Paths} paths");
            }

            if (given.FirstProblem(request.Market) is { } scenarioProblem)
            {
                throw new MarginRequestException($"run request: field 'scenarios': {scenarioProblem}");
            }
        }
    }
}
