using PortfolioMargin.Core.Margin;

namespace PortfolioMargin.Core.Tests.Margin;

public class MarginRequirementTests
{
    [Theory]
    [InlineData(120.0, 80.0, 10.0, 120.0)]
    [InlineData(80.0, 150.0, 10.0, 150.0)]
    [InlineData(5.0, 3.0, 37.5, 37.5)]
    [InlineData(-5.0, -3.0, -1.0, 0.0)]
    public void Initial_margin_is_the_largest_of_ES_stress_and_minimum(double expectedShortfall, double worstStressLoss, double minimumCharge, double initialMargin)
    {
        var requirement = MarginRequirement.Assess(expectedShortfall, worstStressLoss, minimumCharge, 0.8, 1_000.0);

        Assert.Equal(initialMargin, requirement.InitialMargin);
        Assert.Equal(0.8 * initialMargin, requirement.MaintenanceMargin);
        Assert.Equal(1_000.0 - initialMargin, requirement.Excess);
        Assert.Equal(minimumCharge, requirement.MinimumCharge);
    }

    [Fact]
    public void Equity_equal_to_initial_margin_is_healthy()
    {
        var requirement = MarginRequirement.Assess(100.0, 50.0, 1.0, 0.8, 100.0);

        Assert.Equal(AccountStatus.Healthy, requirement.Status);
        Assert.Equal(0.0, requirement.Excess);
    }

    [Fact]
    public void Equity_just_below_initial_margin_is_a_margin_call()
    {
        var requirement = MarginRequirement.Assess(100.0, 50.0, 1.0, 0.8, Math.BitDecrement(100.0));

        Assert.Equal(AccountStatus.MarginCall, requirement.Status);
    }

    [Fact]
    public void Equity_equal_to_maintenance_margin_is_a_margin_call()
    {
        var requirement = MarginRequirement.Assess(100.0, 50.0, 1.0, 0.8, 0.8 * 100.0);

        Assert.Equal(80.0, requirement.MaintenanceMargin);
        Assert.Equal(AccountStatus.MarginCall, requirement.Status);
    }

    [Fact]
    public void Equity_just_below_maintenance_margin_is_liquidation()
    {
        var requirement = MarginRequirement.Assess(100.0, 50.0, 1.0, 0.8, Math.BitDecrement(0.8 * 100.0));

        Assert.Equal(AccountStatus.Liquidation, requirement.Status);
    }

    [Fact]
    public void Flat_account_with_no_requirement_is_healthy()
    {
        var requirement = MarginRequirement.Assess(0.0, 0.0, 0.0, 0.8, 0.0);

        Assert.Equal(AccountStatus.Healthy, requirement.Status);
        Assert.Equal(0.0, requirement.InitialMargin);
    }

    [Theory]
    [InlineData(AccountStatus.Healthy, "healthy")]
    [InlineData(AccountStatus.MarginCall, "margin-call")]
    [InlineData(AccountStatus.Liquidation, "liquidation")]
    public void Status_has_its_kebab_case_wire_name(AccountStatus status, string wireName)
    {
        Assert.Equal(wireName, status.ToWire());
    }
}
