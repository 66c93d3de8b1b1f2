using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Reads the four input files from disk, parses them with the Core parsers and cross-checks them, so that a run
/// either starts from consistent inputs or stops with one error naming the file, line and field to fix.
/// File names in errors are the paths as given, which is what the user typed.
/// </summary>
public static class InputLoader
{
    /// <param name="collateralPath">Null: no collateral.</param>
    /// <param name="configPath">Null: the default config.</param>
    /// <param name="overrides">Command-line values that replace the config's.</param>
    public static MarginInputs Load(string marketPath, string positionsPath, string? collateralPath, string? configPath, ConfigOverrides overrides = default)
    {
        overrides.Check();
        var market = MarketSnapshotJson.Parse(ReadText(marketPath), marketPath);
        var positions = LoadPositions(positionsPath);
        IReadOnlyList<CollateralHolding> collateral = collateralPath is null ? [] : CollateralCsv.Parse(ReadText(collateralPath), collateralPath);
        var assets = market.Underlyings.Select(u => u.Id).Append(market.Currency).ToHashSet(StringComparer.Ordinal);
        var config = configPath is null ? overrides.ApplyTo(new RiskConfig()) : RiskConfigJson.Parse(ReadText(configPath), configPath, assets, overrides);
        PortfolioValidation.CheckPositions(market, positions, positionsPath);
        if (collateralPath is not null)
        {
            PortfolioValidation.CheckCollateral(market, collateral, collateralPath);
        }
        return new MarginInputs(market, positions, collateral, config);
    }

    /// <summary>Positions as CSV, or as Parquet when the file name ends in <c>.parquet</c>; the columns are the same.</summary>
    public static IReadOnlyList<Position> LoadPositions(string path)
    {
        if (!path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return PositionsCsv.Parse(ReadText(path), path);
        }

        using var stream = Open(path);
        return PositionsParquet.ReadAsync(stream, path).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The whole file decoded at once: a reader growing a buffer copies a half-gigabyte book several times over.
    /// Byte-order marks are honoured as a StreamReader would (UTF-8, UTF-16 either way round); without one the
    /// text is UTF-8, and invalid bytes become U+FFFD either way.
    /// </summary>
    private static string ReadText(string path)
    {
        byte[] bytes;
        using (var stream = Open(path))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }

        var (encoding, bom) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };
        return encoding.GetString(bytes, bom, bytes.Length - bom);
    }

    private static FileStream Open(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, 0, "", "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, "", $"cannot be read: {e.Message}");
        }
    }
}
