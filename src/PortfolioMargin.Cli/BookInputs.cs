using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// The book a run command names, read the same way on every path (`--direct`, the embedded silo, a cluster
/// client). The bundled sample book is used only when no input option is given at all; otherwise the market
/// and the positions must be given, no collateral file means no collateral, and no config file means the
/// defaults (a sample file is never mixed into a user's book). `--paths` and `--seed` replace the config's.
/// `--scenarios` is not part of the book: a scenario set may be priced against the sample book or a user's.
/// </summary>
internal static class BookInputs
{
    public static (MarginInputs Inputs, IReadOnlyList<InputFile> Files) Load(RunRequest request)
    {
        var sample = request.MarketPath is null && request.PositionsPath is null && request.CollateralPath is null && request.ConfigPath is null;
        var market = sample ? SampleBook.PathOf("market.json") : request.MarketPath ?? throw Missing("--market");
        var positions = sample ? SampleBook.PathOf("positions.csv") : request.PositionsPath ?? throw Missing("--positions");
        var collateral = sample ? SampleBook.PathOf("collateral.csv") : request.CollateralPath;
        var config = sample ? SampleBook.PathOf("config.json") : request.ConfigPath;

        // Parse first: a missing or bad file is an input error (exit 2) before anything else happens.
        var (inputs, files) = InputLoader.LoadWithFiles(market, positions, collateral, config, new ConfigOverrides(request.Paths, request.Seed), request.ScenariosPath);
        return (inputs, files);
    }

    private static InputException Missing(string option) => new(
        option, 0, "", "is required once any input file is given (with none of --market, --positions, --collateral and --config, pm runs the bundled sample book)");
}
