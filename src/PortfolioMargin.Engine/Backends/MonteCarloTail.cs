using System.Diagnostics;
using ILGPU;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>
/// The Monte Carlo part of a run for one account batch: per path chunk, simulate the factors (keyed by global
/// path index), revalue every distinct instrument at each sub-step date, fold instruments into accounts; then
/// reduce each account's tail on the device.
/// </summary>
internal static class MonteCarloTail
{
    public static AccountTail[] Run(
        RiskAccelerator device, DeviceMemoryMeter meter, DeviceMarket market, DeviceBook book, RiskConfig config, int chunkPaths, StageTimings timings, ref int chunks, Action<int>? pathsDone)
    {
        var accelerator = device.Accelerator;
        var accounts = book.Accounts.Accounts;
        var paths = config.Paths;
        var steps = config.Steps;
        var underlyings = market.UnderlyingCount;
        var stepYears = config.HorizonYears / steps;
        var stage = Stopwatch.StartNew();

        using var accountPnl = meter.Allocate<double>(accelerator, Math.Max(1L, (long)accounts * paths));
        using var scratch = meter.Allocate<double>(accelerator, Math.Max(1L, (long)accounts * paths));
        using var worst = meter.Allocate<double>(accelerator, steps > 1 ? Math.Max(1L, (long)accounts * paths) : 1L);
        using var spot = meter.Allocate<double>(accelerator, (long)steps * underlyings * chunkPaths);
        using var vol = meter.Allocate<double>(accelerator, (long)steps * underlyings * chunkPaths);
        using var tile = meter.Allocate<double>(accelerator, Math.Max(1L, (long)book.InstrumentCount * chunkPaths));
        var pricing = Enumerable.Range(1, steps)
            .Select(step => new DevicePricing(accelerator, meter, book.Layout, book.Layout.PricingAt(market.Snapshot, step * stepYears)))
            .ToArray();
        timings.Add("allocation", stage.Elapsed);

        for (var firstPath = 0; firstPath < paths; firstPath += chunkPaths)
        {
            var chunk = Math.Min(chunkPaths, paths - firstPath);
            chunks++;
            stage.Restart();
            device.SimulateFactors(spot.View, vol.View, market.Factors, new ScenarioParameters
            {
                Seed = config.Seed,
                Underlyings = underlyings,
                Steps = steps,
                Paths = chunk,
                FirstPath = firstPath,
                StepYears = stepYears,
                Innovations = (int)config.Innovations,
                DegreesOfFreedom = config.DegreesOfFreedom,
            });
            device.Synchronize();
            timings.Add("scenarios", stage.Elapsed);

            for (var step = 0; step < steps; step++)
            {
                stage.Restart();
                var slice = (long)step * underlyings * chunk;
                var scenario = new ScenarioView
                {
                    Spot = spot.View.SubView(slice, (long)underlyings * chunk),
                    AtmVol = vol.View.SubView(slice, (long)underlyings * chunk),
                    Paths = chunk,
                    ValuationYears = (step + 1) * stepYears,
                };
                device.RevalueInstruments(tile.View, pricing[step].Table, scenario);
                device.Synchronize();
                timings.Add("revaluation", stage.Elapsed);

                stage.Restart();
                device.AggregateAccounts(accountPnl.View, worst.View, tile.View, book.Accounts, new AggregationParameters
                {
                    ChunkPaths = chunk,
                    RowPaths = paths,
                    FirstPath = firstPath,
                    WorstMode = steps == 1 ? 0 : step == 0 ? 2 : 1,
                });
                device.Synchronize();
                timings.Add("aggregation", stage.Elapsed);
            }

            pathsDone?.Invoke(firstPath + chunk);
        }

        foreach (var table in pricing)
        {
            table.Dispose();
        }

        stage.Restart();
        var ranks = TailRanks.For(paths, config.Confidence);
        var terminal = ReduceTail(device, meter, accountPnl.View, scratch.View, accounts, ranks, config.Confidence, lossSign: -1.0);
        var worstPoint = steps > 1 ? ReduceTail(device, meter, worst.View, scratch.View, accounts, ranks, config.Confidence, lossSign: 1.0) : null;
        timings.Add("tail", stage.Elapsed);

        var result = new AccountTail[accounts];
        for (var a = 0; a < accounts; a++)
        {
            result[a] = new AccountTail(terminal[a], worstPoint?[a]);
        }

        return result;
    }

    private static TailRisk[] ReduceTail(
        RiskAccelerator device, DeviceMemoryMeter meter, ArrayView<double> rows, ArrayView<double> scratch, int accounts, TailRanks ranks, double confidence, double lossSign)
    {
        var accelerator = device.Accelerator;
        using var valueAtRisk = meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        using var shortfall = meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        using var stdError = meter.Allocate<double>(accelerator, Math.Max(1, accounts));
        device.ReduceTailLoss(rows, scratch, new TailOutput
        {
            ValueAtRisk = valueAtRisk.View,
            ExpectedShortfall = shortfall.View,
            StdError = stdError.View,
        }, new TailParameters
        {
            Accounts = accounts,
            Paths = ranks.PathCount,
            VarRank = ranks.VarRank,
            TailCount = ranks.TailCount,
            Confidence = confidence,
            LossSign = lossSign,
        });
        device.Synchronize();
        var v = valueAtRisk.GetAsArray1D();
        var e = shortfall.GetAsArray1D();
        var s = stdError.GetAsArray1D();
        var result = new TailRisk[accounts];
        for (var a = 0; a < accounts; a++)
        {
            result[a] = new TailRisk(v[a], e[a], s[a]);
        }

        return result;
    }
}
