using System.Diagnostics;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Core.Scenarios;
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
    /// <param name="accountAttributed">Called (from any thread) as each account's attribution is done.</param>
    /// <param name="cancellation">Also stops the attribution between accounts (it is about a third of a CPU run).</param>
    public static BatchOutcome RunBatch(
        IRiskBackend backend, MarketSnapshot market, RiskConfig config, BookLayout layout, BatchPlan plan, StageTimings timings, AttributionWork work,
        ScenarioSet? given = null, Action<int>? pathsDone = null, EngineOptions? options = null, AccountDetails? details = null,
        Action? accountAttributed = null, CancellationToken cancellation = default)
    {
        options ??= new EngineOptions();
        var paths = config.Paths;
        var steps = config.Steps;
        var chunkPaths = plan.PathsPerChunk(layout.InstrumentCount, backend.PreferredChunkPaths(layout.InstrumentCount));

        var stage = Stopwatch.StartNew();
        using var stages = backend.Begin(market, config, layout, chunkPaths);
        timings.Add("allocation", stage.Elapsed);

        // A given set's chunk is gathered into these, [u·chunk + p], before it is loaded.
        var givenSpot = given is null ? null : new double[(long)market.Underlyings.Count * chunkPaths];
        var givenVol = given is null ? null : new double[(long)market.Underlyings.Count * chunkPaths];
        var chunks = 0;
        for (var firstPath = 0; firstPath < paths; firstPath += chunkPaths)
        {
            var chunk = Math.Min(chunkPaths, paths - firstPath);
            chunks++;
            stage.Restart();
            if (given is null)
            {
                stages.SimulateFactors(firstPath, chunk);
            }
            else
            {
                var length = market.Underlyings.Count * chunk;
                GivenChunk(given, firstPath, chunk, givenSpot!, givenVol!);
                stages.LoadFactors(givenSpot.AsSpan(0, length), givenVol.AsSpan(0, length), chunk);
            }

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

            if (options.Attribution)
            {
                stage.Restart();
                stages.TrackInstrumentExtremes(chunk);
                timings.Add("attribution", stage.Elapsed);
            }

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
        var attribution = options.Attribution ? EsAttribution.Compute(stages, market, config, layout, ranks, horizon, stress, work, given, accountAttributed, cancellation) : null;
        timings.Add("attribution", stage.Elapsed);

        var quantiles = options.LossQuantiles ? Quantiles(stages, layout.Accounts.Count, paths, config.Confidence) : null;

        var tails = new AccountTail[horizon.Length];
        for (var a = 0; a < tails.Length; a++)
        {
            tails[a] = new AccountTail(horizon[a], worstPoint?[a]);
        }

        return new BatchOutcome(tails, stress, attribution, chunks, quantiles);
    }

    /// <summary>Every account's horizon losses, sorted, reduced to <see cref="LossQuantiles"/>.</summary>
    private static LossQuantiles[] Quantiles(IBatchStages stages, int accounts, int paths, double confidence)
    {
        var losses = new double[paths];
        var result = new LossQuantiles[accounts];
        for (var a = 0; a < accounts; a++)
        {
            stages.ReadHorizonRow(a, losses);
            for (var p = 0; p < paths; p++)
            {
                losses[p] = -losses[p];
            }

            Array.Sort(losses);
            result[a] = LossQuantiles.FromSorted(losses, confidence);
        }

        return result;
    }

    /// <summary>Scenarios [firstPath, firstPath + chunk) of a given set, laid out as a simulated chunk's one step.</summary>
    private static void GivenChunk(ScenarioSet given, int firstPath, int chunk, double[] spot, double[] vol)
    {
        for (var u = 0; u < given.Underlyings; u++)
        {
            Array.Copy(given.Spot, (long)u * given.Count + firstPath, spot, (long)u * chunk, chunk);
            Array.Copy(given.AtmVol, (long)u * given.Count + firstPath, vol, (long)u * chunk, chunk);
        }
    }
}
