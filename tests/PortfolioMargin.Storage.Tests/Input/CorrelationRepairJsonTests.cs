using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Storage.Input;
using static PortfolioMargin.Storage.Tests.Input.SampleMarket;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>The market file's correlation block: the nearest-correlation repair is applied only when asked for.</summary>
public class CorrelationRepairJsonTests
{
    [Fact]
    public void Market_snapshot_opts_in_to_repair_and_otherwise_rejects_the_matrix()
    {
        const string matrix = "\"ids\": [\"SPX\", \"NDX\", \"RUT\"], \"matrix\": [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]";

        var market = MarketSnapshotJson.Parse(Json([Spx, Ndx, Rut], "{" + matrix + """, "repair": "nearest" }"""), FileName);

        Assert.Null(CorrelationFactor.Validate(market.Correlation, ["SPX", "NDX", "RUT"]));
        Assert.True(market.Correlation[0, 1] < 0.9 && market.Correlation[0, 2] > -0.9);
        Assert.Throws<InputException>(() => MarketSnapshotJson.Parse(Json([Spx, Ndx, Rut], "{" + matrix + "}"), FileName));
        var typo = Assert.Throws<InputException>(() => MarketSnapshotJson.Parse(Json([Spx, Ndx, Rut], "{" + matrix + """, "repair": "closest" }"""), FileName));
        Assert.Equal("correlation.repair", typo.Field);
    }
}
