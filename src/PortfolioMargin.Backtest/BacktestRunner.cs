using System.Diagnostics;
using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;

namespace PortfolioMargin.Backtest;

/// <summary>
/// Replays a market history through margin models: on every date, each model's scenario set for the day's book
/// (every portfolio at once) goes into one engine call in given-scenarios mode, which revalues every position on
/// every scenario and takes each portfolio's VaR and ES; the realized loss is the same book revalued at the close
/// <see cref="BacktestSettings.HorizonRows"/> rows later. Estimates on date t read rows 0 … t only: changing a
/// later row changes nothing up to t (tested).
/// </summary>
public sealed class BacktestRunner(IRiskBackend backend)
{
    private readonly MarginEngine _engine = new(backend, new EngineOptions { Attribution = false, StrategyMargin = false, LossQuantiles = true });

    public BacktestResult Run(
        MarketHistory history, IReadOnlyList<Position> positions, BacktestSettings settings,
        IProgress<BacktestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var n = history.UnderlyingCount;
        var h = settings.HorizonRows;
        var spotReturns = history.SpotLogReturns();
        var volChanges = history.VolLogChanges();
        var ewma = new EwmaCovariance(n, settings.Lambda);
        var identity = MarketSnapshot.Identity(n);
        var index = Enumerable.Range(0, n).ToDictionary(u => history.Underlyings[u], StringComparer.Ordinal);
        var book = new RollingBook(positions, history.Dates[0], id => history.Spot[history.At(0, index[id])], settings.Roll);
        var config = settings.Config with { Confidence = settings.Confidence, Steps = 1 };
        var models = settings.Models.Select(m => m.Model).Distinct().ToArray();
        var tools = settings.Models.Aggregate(AntiProcyclicalityTools.None, (all, m) => all | m.Tools);
        var draws = models.Any(m => m != MarginModel.Fhs) || tools.HasFlag(AntiProcyclicalityTools.TenYear) ? ScenarioDraws.For(config, n, settings.Paths) : null;
        var stressed = tools.HasFlag(AntiProcyclicalityTools.Stress) ? new StressedPeriod(spotReturns, settings.AntiProcyclicality.StressWindowDays) : null;
        var warmup = ewma.WarmupDays;

        // The first date each engine call is needed on: a model's when any spec of it starts, a tool's set when
        // any spec carrying the tool starts.
        int? FirstOf(Func<MarginModelSpec, bool> uses) => settings.Models.Where(uses).Select(m => (int?)FirstDate(m, settings, warmup)).Min();
        var modelStarts = models.ToDictionary(m => m, m => FirstOf(s => s.Model == m)!.Value);
        var stressStart = FirstOf(s => s.Tools.HasFlag(AntiProcyclicalityTools.Stress));
        var longRunStart = FirstOf(s => s.Tools.HasFlag(AntiProcyclicalityTools.TenYear));
        var portfolios = positions.Select(p => p.Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var lastDate = history.DateCount - 1 - h;
        var firstDate = settings.Models.Min(m => FirstDate(m, settings, warmup));
        var timings = new Core.Runs.StageTimings();
        var stage = Stopwatch.StartNew();

        // Pass 1, in date order: what each date's pricing depends on from the dates before it (the EWMA state,
        // the rolled book) and the realized loss. Small: a snapshot and a book per date.
        var dates = new List<DateInputs>();
        for (var t = 0; t <= lastDate; t++)
        {
            if (t >= 1)
            {
                // The return into date t is known at its close.
                ewma.Add(Row(spotReturns, t - 1, n));
            }

            var held = book.On(history.Dates[t], id => history.Spot[history.At(t, index[id])]);
            if (t >= firstDate)
            {
                var today = history.Snapshot(t, ewma.CorrelationMatrix());
                var vols = Enumerable.Range(0, n).Select(u => ewma.Volatility(u) * Math.Sqrt(BacktestSettings.BusinessDaysPerYear)).ToArray();
                var calendarDays = history.Dates[t + h].DayNumber - history.Dates[t].DayNumber;
                dates.Add(new DateInputs(t, today, held, vols, RealizedLosses(history, held, t, h, identity), Math.Max(1, calendarDays)));
            }
        }

        timings.Add("history", stage.Elapsed);

        // Pass 2: every date's engine calls, each a pure function of its inputs, so dates run side by side (on
        // the host backend; an accelerator takes one call at a time) and land in their slots: the result does not
        // depend on the order they finish in.
        var outcomes = new DateOutcome[dates.Count];
        var done = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellation,
            MaxDegreeOfParallelism = backend is Engine.Host.HostBackend ? Math.Max(1, Environment.ProcessorCount) : 1,
        };
        Parallel.For(0, dates.Count, parallel, d =>
        {
            var inputs = dates[d];
            var calls = new List<EngineCall>();
            foreach (var model in models.Where(m => inputs.Date >= modelStarts[m]))
            {
                calls.Add(Price(model.Name(), inputs, () => Scenarios(model, history, inputs, spotReturns, volChanges, settings, draws), timings, config, cancellation, model));
            }

            if (inputs.Date >= stressStart)
            {
                calls.Add(Price("stress", inputs, () => StressScenarios(inputs, stressed!, spotReturns, volChanges, settings), timings, config, cancellation));
            }

            if (inputs.Date >= longRunStart)
            {
                calls.Add(Price("tenyear", inputs, () => LongRunScenarios(inputs, spotReturns, settings, draws!), timings, config, cancellation));
            }

            outcomes[d] = new DateOutcome(calls);
            progress?.Report(new BacktestProgress(Interlocked.Increment(ref done), dates.Count, clock.Elapsed));
        });

        // Rows and quantiles per (spec, portfolio), in date order: each spec's requirement is its model's, with
        // the spec's tools applied (the stressed weight and the ten-year floor date by date, the buffer along the
        // series afterwards: it reads the dates before).
        var rows = settings.Models.ToDictionary(m => m, _ => portfolios.ToDictionary(a => a, _ => new List<BacktestRow>(), StringComparer.Ordinal));
        var quantiles = settings.Models.ToDictionary(m => m, _ => portfolios.ToDictionary(a => a, _ => new List<LossQuantiles>(), StringComparer.Ordinal));
        var apc = settings.AntiProcyclicality;
        var engineCalls = 0;
        var scenarios = 0L;
        for (var d = 0; d < dates.Count; d++)
        {
            var inputs = dates[d];
            var calls = outcomes[d].Calls;
            engineCalls += calls.Count;
            scenarios += calls.Sum(c => (long)c.Scenarios);
            var stressRequirement = calls.SingleOrDefault(c => c.Label == "stress")?.ExpectedShortfalls();
            var longRunRequirement = calls.SingleOrDefault(c => c.Label == "tenyear")?.ExpectedShortfalls();
            foreach (var spec in settings.Models.Where(m => inputs.Date >= FirstDate(m, settings, warmup)))
            {
                var result = calls.Single(c => c.Model == spec.Model).Result;
                foreach (var account in result.Accounts)
                {
                    var es = account.Horizon.ExpectedShortfall;

                    // A tail of gains is no negative margin: the requirement is at least 0, as the engine's IM is.
                    var requirement = settings.Floors ? account.Requirement.InitialMargin : Math.Max(0.0, es);
                    if (spec.Tools.HasFlag(AntiProcyclicalityTools.Stress))
                    {
                        requirement = apc.StressWeighted(requirement, stressRequirement![account.Account]);
                    }

                    if (spec.Tools.HasFlag(AntiProcyclicalityTools.TenYear))
                    {
                        requirement = AntiProcyclicality.Floored(requirement, longRunRequirement![account.Account]);
                    }

                    rows[spec][account.Account].Add(new BacktestRow(
                        history.Dates[inputs.Date], spec, account.Account, account.Horizon.ValueAtRisk, es, requirement, inputs.RealizedLoss.GetValueOrDefault(account.Account)));
                    quantiles[spec][account.Account].Add(result.LossQuantiles![account.Account]);
                }
            }
        }

        foreach (var spec in settings.Models.Where(m => m.Tools.HasFlag(AntiProcyclicalityTools.Buffer)))
        {
            foreach (var dated in rows[spec].Values)
            {
                var buffered = apc.Buffered([.. dated.Select(r => r.Requirement)]);
                for (var k = 0; k < dated.Count; k++)
                {
                    dated[k] = dated[k] with { Requirement = buffered[k] };
                }
            }
        }

        stage.Restart();
        var allRows = new List<BacktestRow>();
        var series = settings.Models.SelectMany(m => portfolios.Select(p => (Model: m, Portfolio: p))).Where(k => rows[k.Model][k.Portfolio].Count > 0).ToArray();
        foreach (var (model, portfolio) in series)
        {
            allRows.AddRange(rows[model][portfolio]);
        }

        // The ES test simulates thousands of histories per series: one series per task.
        var summaries = new BacktestSummary[series.Length];
        Parallel.For(0, series.Length, new ParallelOptions { CancellationToken = cancellation }, k =>
            summaries[k] = BacktestStatistics.Summarize(rows[series[k].Model][series[k].Portfolio], quantiles[series[k].Model][series[k].Portfolio], settings));

        timings.Add("statistics", stage.Elapsed);
        (DateOnly, DateOnly)? stressedPeriod = null;
        if (stressed is not null && dates.Count > 0 && stressed.StartOn(dates[^1].Date) is var start and >= 0)
        {
            // Return row k is the return into date k + 1.
            stressedPeriod = (history.Dates[start + 1], history.Dates[start + stressed.WindowDays]);
        }

        return new BacktestResult(allRows, summaries, new BacktestWork(engineCalls, scenarios, book.Rolls, dates.Count, backend.Description), timings)
        {
            StressedPeriod = stressedPeriod,
        };
    }

    /// <summary>
    /// The first date a model can price: the EWMA needs its warm-up of returns, FHS a full window of filtered
    /// changes each scaled by a forecast made before it (so the window starts at the second return); with the
    /// stressed-period tool, a whole stressed window must have been seen.
    /// </summary>
    public static int FirstDate(MarginModelSpec spec, BacktestSettings settings, int warmupDays)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var first = spec.Model == MarginModel.Fhs ? settings.WindowDays + 1 : warmupDays + 1;
        return spec.Tools.HasFlag(AntiProcyclicalityTools.Stress) ? Math.Max(first, settings.AntiProcyclicality.StressWindowDays + 1) : first;
    }

    /// <summary>One engine call on a date's book: the scenarios' time and the engine's, added to the run's stages.</summary>
    private EngineCall Price(
        string label, DateInputs inputs, Func<ScenarioSet> scenarios, Core.Runs.StageTimings timings, RiskConfig config, CancellationToken cancellation, MarginModel? model = null)
    {
        var watch = Stopwatch.StartNew();
        var given = scenarios();
        var generated = watch.Elapsed;
        var result = _engine.Run(new MarginInputs(inputs.Market, inputs.Book, [], config with { Paths = given.Count, HorizonDays = inputs.HorizonDays }, given), cancellation: cancellation);
        lock (timings)
        {
            timings.Add("scenarios-" + label, generated);
            timings.Add("engine-" + label, watch.Elapsed - generated);
            foreach (var (name, ms) in result.Timings.Milliseconds)
            {
                timings.Add("engine-stage-" + name, TimeSpan.FromMilliseconds(ms));
            }
        }

        return new EngineCall(label, model, result, given.Count);
    }

    /// <summary>
    /// The stressed period's scenarios (Art. 28(1)(b)): its h-day changes of spot and ATM vol as they happened,
    /// unfiltered (Prisma's stress-period set), applied to today's levels.
    /// </summary>
    private static ScenarioSet StressScenarios(DateInputs inputs, StressedPeriod stressed, double[,] spotReturns, double[,] volChanges, BacktestSettings settings)
    {
        var start = stressed.StartOn(inputs.Date);
        return ModelScenarios.Filtered(
            inputs.Market, Rows(spotReturns, start, stressed.WindowDays), Rows(volChanges, start, stressed.WindowDays), settings.HorizonRows);
    }

    /// <summary>
    /// The ten-year set (Art. 28(1)(c)): the engine's simulated model on today's snapshot with the long-run spot
    /// vols and correlations, on the same random numbers as the simulated models.
    /// </summary>
    private static ScenarioSet LongRunScenarios(DateInputs inputs, double[,] spotReturns, BacktestSettings settings, ScenarioDraws draws)
    {
        var (daily, correlation) = LongRunVolatility.On(spotReturns, inputs.Date, settings.AntiProcyclicality.LongRunDays);
        var annual = daily.Select(v => v * Math.Sqrt(BacktestSettings.BusinessDaysPerYear)).ToArray();
        return ModelScenarios.Simulated(inputs.Market, annual, correlation, draws, settings.ScenarioYears);
    }

    private static ScenarioSet Scenarios(
        MarginModel model, MarketHistory history, DateInputs inputs, double[,] spotReturns, double[,] volChanges, BacktestSettings settings, ScenarioDraws? draws)
    {
        var today = inputs.Market;
        var t = inputs.Date;
        switch (model)
        {
            case MarginModel.Implied:
                return ModelScenarios.Simulated(today, [.. today.Underlyings.Select(u => u.AtmVol)], today.Correlation, draws!, settings.ScenarioYears);
            case MarginModel.Ewma:
                return ModelScenarios.Simulated(today, inputs.EwmaVols, today.Correlation, draws!, settings.ScenarioYears);
            case MarginModel.Fhs:
                // Row t − 1 is the return into date t: the window is the last WindowDays returns known at t's close.
                var spot = FilteredHistoricalSimulation.FromHistory(spotReturns, t - 1, settings.WindowDays, settings.Lambda, floorAtWindowMean: true);
                var vol = FilteredHistoricalSimulation.FromHistory(volChanges, t - 1, settings.WindowDays, settings.Lambda, floorAtWindowMean: true);
                return ModelScenarios.Filtered(today, spot, vol, settings.HorizonRows);
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "not a margin model");
        }
    }

    /// <summary>
    /// Each portfolio's clean loss from date t to t + h: the same positions revalued at the later close (an option
    /// that expired in between at its intrinsic value there), minus their value at t.
    /// </summary>
    private static IReadOnlyDictionary<string, double> RealizedLosses(MarketHistory history, IReadOnlyList<Position> held, int t, int h, double[,] identity)
    {
        var now = MarginEngine.AccountValues(history.Snapshot(t, identity), held);
        var later = MarginEngine.AccountValues(history.Snapshot(t + h, identity), held);
        return now.ToDictionary(kv => kv.Key, kv => -(later[kv.Key] - kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// One date's inputs to its engine calls: the snapshot (EWMA correlations), the rolled book, the annualised EWMA
    /// spot vols, the realized losses, and the calendar days to the close h rows later, which is the time the
    /// engine revalues at (known in advance from the business calendar: a Thursday's 2 rows are 4 days of carry).
    /// </summary>
    private sealed record DateInputs(
        int Date, MarketSnapshot Market, IReadOnlyList<Position> Book, double[] EwmaVols, IReadOnlyDictionary<string, double> RealizedLoss, int HorizonDays);

    private sealed record DateOutcome(IReadOnlyList<EngineCall> Calls);

    /// <summary>One engine call of a date: a model's (<paramref name="Model"/> set) or a tool's scenario set.</summary>
    private sealed record EngineCall(string Label, MarginModel? Model, Core.Runs.MarginRunResult Result, int Scenarios)
    {
        /// <summary>Each portfolio's ES on this call's scenarios, at least 0: the requirement a tool compares with.</summary>
        public Dictionary<string, double> ExpectedShortfalls() =>
            Result.Accounts.ToDictionary(a => a.Account, a => Math.Max(0.0, a.Horizon.ExpectedShortfall), StringComparer.Ordinal);
    }

    private static double[,] Rows(double[,] matrix, int first, int count)
    {
        var n = matrix.GetLength(1);
        var rows = new double[count, n];
        for (var k = 0; k < count; k++)
        {
            for (var u = 0; u < n; u++)
            {
                rows[k, u] = matrix[first + k, u];
            }
        }

        return rows;
    }

    private static double[] Row(double[,] matrix, int row, int n)
    {
        var values = new double[n];
        for (var u = 0; u < n; u++)
        {
            values[u] = matrix[row, u];
        }

        return values;
    }
}
