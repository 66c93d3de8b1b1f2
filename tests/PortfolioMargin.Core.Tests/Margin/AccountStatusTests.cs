using PortfolioMargin.Core.Margin;

namespace PortfolioMargin.Core.Tests.Margin;

public sealed class AccountStatusTests
{
    [Fact]
    public void Every_status_has_its_wire_name_and_an_undefined_one_has_none()
    {
        Assert.Equal(["healthy", "margin-call", "liquidation"], Enum.GetValues<AccountStatus>().Select(s => s.ToWire()));

        // Once mapped to "liquidation" by default: a status the code does not know must not liquidate anyone.
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AccountStatus)7).ToWire());
    }
}
