using PortfolioMargin.Cli.Bench;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli.Tests.Bench;

public sealed class BookGeneratorTests
{
    [Fact]
    public void The_S_book_has_its_size_loads_cleanly_and_is_the_same_every_time()
    {
        var root = Directory.CreateTempSubdirectory("pm-book-");
        try
        {
            var first = Path.Combine(root.FullName, "a");
            var second = Path.Combine(root.FullName, "b");
            BookGenerator.Write(first, BookSize.S);
            BookGenerator.Write(second, BookSize.S);

            var inputs = InputLoader.Load(
                Path.Combine(first, "market.json"), Path.Combine(first, "positions.csv"), Path.Combine(first, "collateral.csv"), Path.Combine(first, "config.json"));

            Assert.Equal(BookSize.S.Accounts * BookSize.S.PositionsPerAccount, inputs.Positions.Count);
            Assert.Equal(BookSize.S.Accounts, inputs.Positions.Select(p => p.Account).Distinct().Count());
            Assert.Equal(BookSize.S.Underlyings, inputs.Market.Underlyings.Count);
            Assert.Equal(BookSize.S.Paths, inputs.Config.Paths);
            Assert.All(inputs.Positions.GroupBy(p => p.Account), account => Assert.InRange(account.Select(p => p.Underlying).Distinct().Count(), 1, 5));
            Assert.Contains(inputs.Positions, p => p.Type == Core.Portfolio.InstrumentType.Spot);
            Assert.Contains(inputs.Positions, p => p.Type == Core.Portfolio.InstrumentType.Future);
            foreach (var file in new[] { "market.json", "positions.csv", "collateral.csv", "config.json" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unknown_size_is_refused_by_name()
    {
        var root = Directory.CreateTempSubdirectory("pm-book-");
        try
        {
            var target = Path.Combine(root.FullName, "xl");

            var (exit, _, stderr) = Process.PmProcess.Run(root.FullName, "bench", "generate", target, "XL");

            Assert.Equal(2, exit);
            Assert.Contains("error: size 'XL' is not one of S, M, L", stderr);
            Assert.False(Directory.Exists(target));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
