using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Tests.Risk;

/// <summary>A RiskConfig checks itself, so every edge (the config file, a run request sent as a grain call) holds it to the same rules.</summary>
public sealed class RiskConfigRulesTests
{
    public static TheoryData<RiskConfig, string> Broken() => new()
    {
        { new RiskConfig { HorizonDays = 0 }, "horizonDays" },
        { new RiskConfig { Confidence = 1.0 }, "confidence" },
        { new RiskConfig { Confidence = double.NaN }, "confidence" },
        { new RiskConfig { Paths = 99 }, "paths" },
        { new RiskConfig { Steps = RiskConfig.MaxSteps + 1 }, "steps" },
        { new RiskConfig { Innovations = (Innovations)5 }, "innovations" },
        { new RiskConfig { DegreesOfFreedom = 2 }, "degreesOfFreedom" },
        { new RiskConfig { PriceMoves = [] }, "priceMoves" },
        { new RiskConfig { VolMoves = [0.0, -1.0] }, "volMoves" },
        { new RiskConfig { MinimumPerContract = double.PositiveInfinity }, "minimumPerContract" },
        { new RiskConfig { MaintenanceRatio = 0 }, "maintenanceRatio" },
        { new RiskConfig { Haircuts = new Dictionary<string, double> { ["AAPL"] = 1.0 } }, "haircuts" },
        { new RiskConfig { PriceMoves = [.. Enumerable.Range(0, 1_000).Select(i => i / 1_000.0)], VolMoves = [.. Enumerable.Range(0, 1_000).Select(i => i / 1_000.0)] }, "volMoves" },
    };

    [Fact]
    public void The_defaults_are_a_config_the_engine_can_run() => Assert.Null(new RiskConfig().FirstProblem());

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_setting_outside_its_rule_is_named(RiskConfig config, string field) =>
        Assert.Equal(field, config.FirstProblem()?.Field);

    [Fact]
    public void A_bad_list_element_or_map_entry_is_named_by_position_or_key()
    {
        Assert.Equal(1, new RiskConfig { VolMoves = [0.0, -1.0] }.FirstProblem()?.Element);
        Assert.Equal("AAPL", new RiskConfig { Haircuts = new Dictionary<string, double> { ["AAPL"] = -0.1 } }.FirstProblem()?.Key);
    }
}
