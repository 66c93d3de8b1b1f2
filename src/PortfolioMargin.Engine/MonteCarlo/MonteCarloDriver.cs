using System.Diagnostics;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.Backends;

namespace PortfolioMargin.Engine.MonteCarlo;

/// <summary>
/// The one Monte Carlo loop of an account batch, whatever the backend: per path chunk, simulate the factors (keyed
/// by the global path index, so chunking changes no number), then per sub-step revalue every distinct instrument
/// at that date and fold the instruments into accounts; then each account's tail over the horizon P&amp;L (and the
/// path-worst loss with sub-steps), then the stress grid, then each position's share of the tail and the stress loss. Each stage is timed under the same name on every backend.
/// </summary>
internal static class MonteCarloDriver
{
    /// <param name="pathsDone">Called after each path chunk with the paths of the batch simulated so far.</param>
    /// <param name="details">Where to record every account's loss histogram and stress grid for a report; null: not asked for.</param>
    public static BatchOutcome RunBatch(
        IRiskBackend backend, MarketSnapshot market, RiskConfig config, BookLayout layout, BatchPlan plan, StageTimings timings, AttributionWork work,
        Action<int>? pathsDone = null, AccountDetails? details = null)
    {
        var paths = config.Paths;
        var steps = config.Steps;
        var chunkPaths = plan.PathsPerChunk(layout.InstrumentCount, backend.PreferredChunkPaths(layout.InstrumentCount));

        var stage = Stopwatch.StartNew();
        using var stages = backend.Begin(market, config, layout, chunkPaths);
        timings.Add("allocation", stage.Elapsed);

        var chunks = 0;
        for (var firstPath = 0; firstPath < paths; firstPath += chunkPaths)
        {
            var chunk = Math.Min(chunkPaths, paths - firstPath);
            chunks++;
            stage.Restart();
            stages.SimulateFactors(firstPath, chunk);
            timings.Add("scenarios", stage.Elapsed);
            for (var step = 0; step < steps; step++)
            {
                stage.Restart();
                stages.RevalueInstruments(step, chunk);
                timings.Add("revaluation", stage.Elapsed);

                stage.Restart();
                stages.AggregateAccounts(chunk, firstPath, WorstLoss.ForStep(steps, step));
                timings.Add("aggregation", stage.Elapsed);
            }

            stage.Restart();
            stages.TrackInstrumentExtremes(chunk);
            timings.Add("attribution", stage.Elapsed);

            pathsDone?.Invoke(firstPath + chunk);
        }

        stage.Restart();
        var ranks = TailRanks.For(paths, config.Confidence);
        var horizon = stages.ReduceTail(TailRows.HorizonPnl, ranks, config.Confidence);
        var worstPoint = steps > 1 ? stages.ReduceTail(TailRows.PathWorstLoss, ranks, config.Confidence) : null;
        timings.Add("tail", stage.Elapsed);

        stage.Restart();
        var grid = StressScenarios.Build(market, config, keepAccountPnl: details is not null);
        var stress = stages.StressGrid(grid);
        timings.Add("stress", stage.Elapsed);

        if (details is not null)
        {
            stage.Restart();
            details.Record(stages, layout, paths, grid);
            timings.Add("report-detail", stage.Elapsed);
        }

        stage.Restart();
        var attribution = EsAttribution.Compute(stages, market, config, layout, ranks, horizon, stress, work);
        timings.Add("attribution", stage.Elapsed);

        var tails = new AccountTail[horizon.Length];
        for (var a = 0; a < tails.Length; a++)
        {
            tails[a] = new AccountTail(horizon[a], worstPoint?[a]);
        }

        return new BatchOutcome(tails, stress, attribution, chunks);
    }
}
