using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

public class CollateralCsvTests
{
    private const string File = "collateral.csv";

    [Fact]
    public void Holdings_are_read_with_their_lines_and_debits_kept()
    {
        var holdings = CollateralCsv.Parse("account,asset,amount\nA1,USD,1000000\nA1,SPX,20\nA2,USD,-2500.5\n", File);

        Assert.Equal(
            [new CollateralHolding("A1", "USD", 1_000_000, 2), new CollateralHolding("A1", "SPX", 20, 3), new CollateralHolding("A2", "USD", -2500.5, 4)],
            holdings);
    }

    [Fact]
    public void Header_only_file_means_no_collateral()
    {
        Assert.Empty(CollateralCsv.Parse("account,asset,amount\n", File));
    }

    [Fact]
    public void Non_numeric_amount_names_line_and_field()
    {
        InputAssert.FailsAt(() => CollateralCsv.Parse("account,asset,amount\nA1,USD,1e6\nA1,USD,lots\n", File), File, 3, "amount");
    }

    [Fact]
    public void Missing_column_names_it_on_line_one()
    {
        InputAssert.FailsAt(() => CollateralCsv.Parse("account,amount\nA1,100\n", File), File, 1, "asset");
    }

    [Fact]
    public void Empty_file_names_the_whole_file()
    {
        InputAssert.FailsAt(() => CollateralCsv.Parse("\n", File), File, 0, "");
    }
}
