using System.Diagnostics;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// Progress is the share of the run's work, paths and attribution both, so it moves through the attribution
/// instead of sitting at 100% once the paths are done, never goes back, and reaches 1 only when the run is done.
/// </summary>
public sealed class ProgressMeterTests
{
    private sealed class Recorder : IProgress<EngineProgress>
    {
        public List<EngineProgress> Reports { get; } = [];

        public void Report(EngineProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    [Fact]
    public void Paths_weigh_two_thirds_and_attribution_one_third_of_the_work_before_the_closing_two_percent()
    {
        var recorder = new Recorder();
        var meter = new ProgressMeter(recorder, accounts: 10, paths: 1_000, attribution: true, Stopwatch.StartNew());

        meter.BatchStarting(10);
        meter.Simulated(500);
        meter.Attributed(); // inside the second since the last report: not sent
        Thread.Sleep(1_100);
        meter.Attributed();
        meter.BatchDone();
        meter.Stage(EngineStages.StrategyRules);
        meter.Finished();

        var shares = recorder.Reports.Select(r => (r.Stage, r.Fraction)).ToList();
        Assert.Equal(
            [
                (EngineStages.Paths, 10 * 500 / 15_000.0 * 0.98),
                (EngineStages.Attribution, (10 * 1_000 + 2 * 500) / 15_000.0 * 0.98),
                (EngineStages.Paths, 0.98),
                (EngineStages.StrategyRules, 0.98),
                (EngineStages.Done, 1.0),
            ],
            shares);
    }

    [Fact]
    public void A_run_reports_shares_that_never_go_back_and_ends_at_one_when_done()
    {
        var market = Books.Market(Books.Stock("A"), Books.Stock("B", 50.0, 0.3));
        var positions = Enumerable.Range(0, 40).Select(a => Books.Option($"ACC{a:00}", a % 2 == 0 ? "A" : "B", OptionRight.Call, 100.0, -(1 + a % 3)));
        var inputs = Books.Inputs(market, positions, new RiskConfig { Paths = 4_000 });
        var recorder = new Recorder();

        using var backend = new Host.HostBackend();
        new MarginEngine(backend, new EngineOptions { MaxAccountsPerBatch = 8 }).Run(inputs, recorder);

        var fractions = recorder.Reports.Select(r => r.Fraction).ToList();
        Assert.True(fractions.Count >= 5, $"{fractions.Count} reports"); // at least one per batch of 8
        Assert.Equal(fractions.Order(), fractions);
        Assert.All(fractions.SkipLast(1), f => Assert.InRange(f, 0.0, 0.98));
        Assert.Equal((EngineStages.Done, 1.0), (recorder.Reports[^1].Stage, recorder.Reports[^1].Fraction));
    }
}
