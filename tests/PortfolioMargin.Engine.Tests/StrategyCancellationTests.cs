using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The strategy-based rules run beside the Monte Carlo, and a stopped run waits for them before it unwinds: they
/// stop on the run's cancellation instead of finishing every account first.
/// </summary>
public sealed class StrategyCancellationTests
{
    [Fact]
    public void The_strategy_rules_stop_on_a_cancelled_run_and_run_whole_on_one_that_is_not()
    {
        var market = Books.Market(Books.Stock("A"));
        var positions = Enumerable.Range(0, 50).SelectMany(a => new[]
        {
            Books.Spot($"ACC{a:00}", "A", 100),
            Books.Option($"ACC{a:00}", "A", OptionRight.Call, 105.0, -1),
        }).ToList();
        var risks = PositionValuation.Value(market, positions);
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        Assert.Throws<OperationCanceledException>(() => StrategyMargins.Compute(market, new RiskConfig(), risks, stopped.Token));
        Assert.Equal(50, StrategyMargins.Compute(market, new RiskConfig(), risks, CancellationToken.None).ByAccount.Count);
    }
}
