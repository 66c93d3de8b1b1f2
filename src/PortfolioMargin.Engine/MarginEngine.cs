using System.Diagnostics;
using System.Runtime.InteropServices;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.Attribution;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine;

/// <summary>
/// The in-process margin API: a validated book in, one <see cref="AccountMargin"/> per account out. Scenario
/// generation, revaluation, aggregation and the tail reduction run on the accelerator; valuation at t = 0, Greeks
/// and the requirement are host arithmetic over the same pricing formulas.
/// </summary>
public sealed class MarginEngine(IRiskBackend backend, EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? new EngineOptions();

    public IRiskBackend Backend { get; } = backend;

    public MarginRunResult Run(
        MarginInputs inputs,
        IProgress<EngineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var timings = new StageTimings();
        var clock = Stopwatch.StartNew();
        var config = inputs.Config;

        if (inputs.Scenarios is { } given && (config.Steps != 1 || config.Paths != given.Count || given.Underlyings != inputs.Market.Underlyings.Count))
        {
            throw new ArgumentException(
                $"A given set of {given.Count} scenarios over {given.Underlyings} underlyings needs one step, {given.Count} paths and {given.Underlyings} underlyings in the market; the run has {config.Steps}, {config.Paths} and {inputs.Market.Underlyings.Count}.",
                nameof(inputs));
        }

        // Only the underlyings the book and collateral reference are simulated: an unused one would cost its share of
        // a cubic Cholesky factorization, factor buffers and draws, and could change no number. From here on the run
        // sees the snapshot restricted to them (the same object when it has no unused underlying).
        inputs = RestrictToFactors(inputs);
        var market = inputs.Market;

        var accounts = AccountsOf(inputs);
        var positionsByAccount = inputs.Positions.GroupBy(p => p.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Host work that does not depend on the paths runs beside the batches: on a GPU the host would otherwise
        // idle while the kernels run.
        var valuation = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            var positionRisk = PositionValuation.Value(market, inputs.Positions);
            var accountGreeks = PositionValuation.AccountGreeks(market, positionRisk);
            var equity = EquityCalculator.Compute(inputs, positionRisk);
            return (positionRisk, accountGreeks, equity, watch.Elapsed);
        }, cancellation);
        var strategies = valuation.ContinueWith(
            done =>
            {
                var watch = Stopwatch.StartNew();
                return (_options.StrategyMargin
                    ? StrategyMargins.Compute(market, config, done.Result.positionRisk, cancellation)
                    : (new Dictionary<string, double>(), []), watch.Elapsed);
            },
            cancellation, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

        // Each account's positions as indices into the book, in file order: how layout entries map back to positions.
        var positionIndices = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Positions.Count; i++)
        {
            ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(positionIndices, inputs.Positions[i].Account, out _);
            (held ??= []).Add(i);
        }

        var attribution = new PositionAttribution?[inputs.Positions.Count];
        var quantiles = _options.LossQuantiles ? new Dictionary<string, LossQuantiles>(StringComparer.Ordinal) : null;
        var attributionWork = new AttributionWork();
        var details = _options.RecordAccountDetail ? new AccountDetails() : null;
        var tails = new Dictionary<string, AccountTail>(StringComparer.Ordinal);
        var stress = new Dictionary<string, StressOutcome>(StringComparer.Ordinal);
        // Never plan for more than half the backend's memory, whatever the configured budget.
        var budget = Math.Min(_options.MemoryBudgetBytes, Math.Max(64L << 20, Backend.MemoryBytes / 2));
        var plan = BatchPlan.For(accounts.Count, config, market.Underlyings.Count, _options with { MemoryBudgetBytes = budget });
        var batches = plan.Batches(accounts).ToList();
        var chunks = 0;
        var revaluations = 0L;
        var meter = new ProgressMeter(progress, accounts.Count, config.Paths, _options.Attribution, clock);
        var stage = Stopwatch.StartNew();
        var scenarioHoldings = CollateralInScenarios.With(positionsByAccount, inputs.Collateral, market, config);
        Task<BookLayout>? packing = batches.Count > 0 ? PackAsync(market, batches[0], scenarioHoldings) : null;
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                var batch = batches[b];
                stage.Restart();
                var layout = packing!.GetAwaiter().GetResult();
                timings.Add("layout", stage.Elapsed);

                // The next batch is packed while this one is priced.
                packing = b + 1 < batches.Count ? PackAsync(market, batches[b + 1], scenarioHoldings) : null;
                meter.BatchStarting(batch.Count);
                var outcome = MonteCarloDriver.RunBatch(Backend, market, config, layout, plan, timings, attributionWork, inputs.Scenarios, paths =>
                {
                    // Called after every path chunk: a cancelled run stops within one chunk, not one batch.
                    cancellation.ThrowIfCancellationRequested();
                    meter.Simulated(paths);
                }, _options, details, meter.Attributed, cancellation);
                for (var a = 0; a < batch.Count; a++)
                {
                    tails[batch[a]] = outcome.Tails[a];
                    if (quantiles is not null)
                    {
                        quantiles[batch[a]] = outcome.LossQuantiles![a];
                    }

                    stress[batch[a]] = outcome.Stress[a];

                    // The account's own positions come first in its entries; collateral held in an underlying follows.
                    var first = layout.AccountStart[a];
                    foreach (var (k, position) in (positionIndices.GetValueOrDefault(batch[a]) ?? []).Index())
                    {
                        attribution[position] = outcome.Attribution?[first + k];
                    }
                }

                chunks += outcome.PathChunks;
                revaluations += (long)layout.InstrumentCount * config.Paths * config.Steps;
                meter.BatchDone();
            }
        }
        catch
        {
            // A failed batch must not leave the valuation or a packing task running unobserved.
            WaitQuietly(valuation);
            WaitQuietly(strategies);
            WaitQuietly(packing);
            throw;
        }

        stage.Restart();
        var (positionRisk, accountGreeks, equity, valuationTime) = valuation.GetAwaiter().GetResult();
        timings.Add("greeks", valuationTime);
        timings.Add("greeks-wait", stage.Elapsed);
        stage.Restart();
        if (!strategies.IsCompleted)
        {
            meter.Stage(EngineStages.StrategyRules);
        }

        var ((strategyMargin, strategyRows), strategyTime) = strategies.GetAwaiter().GetResult();
        timings.Add("strategy", strategyTime);
        timings.Add("strategy-wait", stage.Elapsed);

        stage.Restart();
        var results = new List<AccountMargin>(accounts.Count);
        foreach (var account in accounts)
        {
            var tail = tails[account];
            var worst = stress[account];
            var minimum = MinimumCharge(positionsByAccount.GetValueOrDefault(account), config.MinimumPerContract);
            var (collateral, netLiquidation) = equity[account];
            var standing = new AccountEquity(collateral, netLiquidation);
            var requirement = MarginRequirement.Assess(
                tail.Terminal.ExpectedShortfall, worst.Loss, minimum, config.MaintenanceRatio, standing.Total);
            results.Add(new AccountMargin(
                account, tail.Terminal, tail.WorstPoint, worst, requirement, standing, accountGreeks.GetValueOrDefault(account),
                strategyMargin.GetValueOrDefault(account)));
        }

        var attributed = new PositionRisk[positionRisk.Count];
        for (var i = 0; i < attributed.Length; i++)
        {
            attributed[i] = positionRisk[i] with { Attribution = attribution[i] };
        }

        timings.Add("requirement", stage.Elapsed);
        ResultGuard.Check(market, results, attributed);
        meter.Finished();
        return new MarginRunResult(results, attributed, Backend.Description, timings, new EngineWork(1, plan.BatchCount, chunks, revaluations, attributionWork.Revaluations, market.Underlyings.Count), strategyRows, quantiles)
        {
            Details = details?.All,
        };
    }

    /// <summary>
    /// The inputs over the run's factor set (<see cref="FactorSet.Of"/>): the snapshot restricted to it, and a given
    /// scenario set's rows for it. A book that references no underlying at all (cash collateral only) keeps the
    /// snapshot's first, so the stages never see an empty market; no instrument reads it.
    /// </summary>
    public static MarginInputs RestrictToFactors(MarginInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var factors = FactorSet.Of(inputs.Market, inputs.Factors, inputs.Positions, inputs.Collateral);
        if (factors.Length == 0)
        {
            factors = [0];
        }

        var market = inputs.Market.Restrict(factors);
        return ReferenceEquals(market, inputs.Market)
            ? inputs
            : inputs with { Market = market, Scenarios = inputs.Scenarios is { } given ? FactorSet.Restrict(given, factors) : null };
    }

    private static void WaitQuietly(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // The batch's own error is the one to report.
        }
    }

    private static Task<BookLayout> PackAsync(Core.Market.MarketSnapshot market, IReadOnlyList<string> batch, Dictionary<string, List<Position>> positionsByAccount) =>
        Task.Run(() => BookLayout.Build(market, batch, positionsByAccount));

    /// <summary>
    /// Each account's model value of its positions on a snapshot (the t = 0 pricing of a run, with an option past
    /// its expiry at intrinsic): what a backtest revalues a fixed book with at a later close for its realized P&amp;L.
    /// </summary>
    public static IReadOnlyDictionary<string, double> AccountValues(Core.Market.MarketSnapshot market, IReadOnlyList<Position> positions)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var risk in PositionValuation.Value(market, positions))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(values, risk.Position.Account, out _) += risk.MarketValue;
        }

        return values;
    }

    /// <summary>Every account that holds a position or posts collateral, in ordinal order.</summary>
    public static IReadOnlyList<string> AccountsOf(MarginInputs inputs) =>
        inputs.Positions.Select(p => p.Account).Concat(inputs.Collateral.Select(c => c.Account))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>FINRA 4210(g)'s floor: a fixed amount per option contract × multiplier, long or short.</summary>
    public static double MinimumCharge(IEnumerable<Position>? positions, double minimumPerContract) =>
        positions?.Where(p => p.Type == InstrumentType.Option).Sum(p => minimumPerContract * Math.Abs(p.Quantity) * p.Multiplier) ?? 0.0;
}
