using System.Security.Cryptography;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Reads the four input files (and a given scenario set, where there is one), parses them with the Core parsers
/// and cross-checks them, so that a run either starts from consistent inputs or stops with one error naming the
/// file, line and field to fix. Each file is read once, from a path, a pipe or standard input
/// (<see cref="StandardInput"/>), and its SHA-256 is taken from the bytes read, so the run record names exactly
/// what was parsed. File names in errors are the paths as given, which is what the user typed.
/// </summary>
public static class InputLoader
{
    /// <summary>The path that means standard input, as Unix tools spell it.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// The largest input read whole (market, config, collateral, scenarios, history, and a Parquet book from a pipe):
    /// such a text is decoded at once, and .NET strings stop at about a billion characters. A bigger file is refused
    /// with its size instead of failing deep in a parser. A CSV positions file is read in segments and has no limit.
    /// </summary>
    public const long MaxFileBytes = 1L << 30;

    /// <param name="collateralPath">Null: no collateral.</param>
    /// <param name="configPath">Null: the default config.</param>
    /// <param name="overrides">Command-line values that replace the config's.</param>
    public static MarginInputs Load(string marketPath, string positionsPath, string? collateralPath, string? configPath, ConfigOverrides overrides = default) =>
        LoadWithFiles(marketPath, positionsPath, collateralPath, configPath, overrides).Inputs;

    /// <summary>
    /// As <see cref="Load"/>, with each file read as the run record lists it: role, full path, SHA-256. With
    /// <paramref name="scenariosPath"/> the run prices that scenario set (<see cref="ScenariosCsv"/>) instead of
    /// simulated paths: its count is the run's paths, whatever the config says, and the config must be of one step.
    /// </summary>
    public static (MarginInputs Inputs, IReadOnlyList<InputFile> Files) LoadWithFiles(
        string marketPath, string positionsPath, string? collateralPath, string? configPath, ConfigOverrides overrides = default, string? scenariosPath = null)
    {
        overrides.Check();
        if (scenariosPath is not null && overrides.Paths is not null)
        {
            throw new InputException("--paths", 0, "", PathsWithScenarios);
        }

        if (new[] { marketPath, positionsPath, collateralPath, configPath, scenariosPath }.Count(p => p == StandardInput) > 1)
        {
            throw new InputException(StandardInput, 0, "", "standard input can be only one of the input files");
        }

        var files = new List<InputFile>();
        var market = MarketSnapshotJson.Parse(ReadText(marketPath, "market", files), marketPath);
        var positions = LoadPositions(positionsPath, files);
        IReadOnlyList<CollateralHolding> collateral = collateralPath is null ? [] : CollateralCsv.Parse(ReadText(collateralPath, "collateral", files), collateralPath);

        // Read before the config, whose paths it sets.
        var scenarios = scenariosPath is null ? null : ScenariosCsv.Parse(ReadText(scenariosPath, "scenarios", files), scenariosPath, market);
        overrides = overrides with { GivenScenarios = scenarios?.Count };
        var assets = market.Underlyings.Select(u => u.Id).Append(market.Currency).ToHashSet(StringComparer.Ordinal);
        var config = configPath is null ? overrides.ApplyTo(new RiskConfig()) : RiskConfigJson.Parse(ReadText(configPath, "config", files), configPath, assets, overrides);
        PortfolioValidation.CheckPositions(market, positions, positionsPath);
        if (collateralPath is not null)
        {
            PortfolioValidation.CheckCollateral(market, collateral, collateralPath);
        }

        return (new MarginInputs(market, positions, collateral, config, scenarios), files);
    }

    /// <summary>Why `--paths` does not go with `--scenarios`, worded to follow "--paths ".</summary>
    public const string PathsWithScenarios = "cannot be used with --scenarios: a scenario set is priced on as many paths as it has scenarios";

    /// <summary>A market snapshot file alone (a report reads the spots a run was priced at), with its SHA-256.</summary>
    public static (MarketSnapshot Market, string Sha256) LoadMarket(string path)
    {
        var files = new List<InputFile>();
        var market = MarketSnapshotJson.Parse(ReadText(path, "market", files), path);
        return (market, files[0].Sha256);
    }

    /// <summary>Positions as CSV, or as Parquet when the file name ends in <c>.parquet</c>; the columns are the same.</summary>
    public static IReadOnlyList<Position> LoadPositions(string path) => LoadPositions(path, null);

    /// <summary>Positions as <see cref="LoadPositions(string)"/>, noted in <paramref name="files"/> for the run record.</summary>
    public static IReadOnlyList<Position> LoadPositions(string path, IList<InputFile> files)
    {
        var read = new List<InputFile>();
        var positions = LoadPositions(path, read);
        read.ForEach(files.Add);
        return positions;
    }

    /// <summary>A risk config file alone, its asset names checked against <paramref name="assets"/>.</summary>
    public static RiskConfig LoadConfig(string path, IReadOnlySet<string> assets, ConfigOverrides overrides, IList<InputFile> files)
    {
        var read = new List<InputFile>();
        var config = RiskConfigJson.Parse(ReadText(path, "config", read), path, assets, overrides);
        read.ForEach(files.Add);
        return config;
    }

    /// <summary>
    /// A backtest's market history as CSV (<see cref="MarketHistoryCsv"/>), or as Parquet
    /// (<see cref="MarketHistoryParquet"/>) when the file name ends in <c>.parquet</c>, as for positions; noted in
    /// <paramref name="files"/>.
    /// </summary>
    public static Core.Backtesting.MarketHistory LoadHistory(string path, HistoryFill fill, IList<InputFile> files)
    {
        var read = new List<InputFile>();
        var history = IsParquet(path) ? LoadHistoryParquet(path, fill, read) : MarketHistoryCsv.Parse(ReadText(path, "history", read), path, fill);
        read.ForEach(files.Add);
        return history;
    }

    private static Core.Backtesting.MarketHistory LoadHistoryParquet(string path, HistoryFill fill, List<InputFile> files)
    {
        using var stream = ReadStream(path, "history", files);
        return MarketHistoryParquet.ReadAsync(stream, path, fill).GetAwaiter().GetResult();
    }

    private static IReadOnlyList<Position> LoadPositions(string path, List<InputFile>? files)
    {
        if (!IsParquet(path))
        {
            return PositionsCsv.Parse(ReadSegments(path, "positions", files), path);
        }

        using var stream = ReadStream(path, "positions", files);
        return PositionsParquet.ReadAsync(stream, path).GetAwaiter().GetResult();
    }

    private static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A Parquet input: its footer is at the end, so a pipe is read into memory first; a file is read where it lies,
    /// after one pass over it for its SHA-256, so that memory follows what the reader keeps, not the file's size.
    /// </summary>
    private static Stream ReadStream(string path, string role, List<InputFile>? files)
    {
        if (path == StandardInput)
        {
            return new MemoryStream(ReadBytes(path, role, files), writable: false);
        }

        // A named pipe opens like a file but cannot seek.
        var stream = Open(path);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            return new MemoryStream(ReadBytes(path, role, files), writable: false);
        }

        try
        {
            var sha256 = SHA256.HashData(stream);
            stream.Position = 0;
            files?.Add(new InputFile(role, RecordedPath(path), Convert.ToHexStringLower(sha256)));
            return stream;
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw new InputException(path, 0, "", $"cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// A CSV input as segments of whole records (<see cref="TextSegments"/>), hashed as they are read and noted in
    /// <paramref name="files"/> once the last is read: the positions file, the one that grows with the book, is never
    /// held whole.
    /// </summary>
    private static IEnumerable<string> ReadSegments(string path, string role, List<InputFile>? files)
    {
        using var stream = Open(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in TextSegments.Read(stream, path, hash))
        {
            yield return segment;
        }

        files?.Add(new InputFile(role, RecordedPath(path), Convert.ToHexStringLower(hash.GetHashAndReset())));
    }

    /// <summary>The path a run record lists: the full path, or <c>-</c> for standard input.</summary>
    private static string RecordedPath(string path) => path == StandardInput ? StandardInput : Path.GetFullPath(path);

    /// <summary>
    /// The whole file decoded at once: a reader growing a buffer copies a half-gigabyte book several times over.
    /// Byte-order marks are honoured as a StreamReader would (UTF-8, UTF-16 either way round); without one the
    /// text is UTF-8, and invalid bytes become U+FFFD either way.
    /// </summary>
    private static string ReadText(string path, string role, List<InputFile>? files)
    {
        var bytes = ReadBytes(path, role, files);
        var (encoding, bom) = TextSegments.EncodingOf(bytes);
        return encoding.GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>Every byte of a file, a pipe or standard input, checked against <see cref="MaxFileBytes"/>; noted in <paramref name="files"/>.</summary>
    private static byte[] ReadBytes(string path, string role, List<InputFile>? files)
    {
        byte[] bytes;
        using (var stream = Open(path))
        {
            try
            {
                bytes = stream.CanSeek ? ReadSeekable(stream, path) : ReadToEnd(stream, path);
            }
            catch (IOException e)
            {
                throw new InputException(path, 0, "", $"cannot be read: {e.Message}");
            }
        }

        files?.Add(new InputFile(role, RecordedPath(path), Convert.ToHexStringLower(SHA256.HashData(bytes))));
        return bytes;
    }

    private static byte[] ReadSeekable(Stream stream, string path)
    {
        var length = stream.Length;
        if (length > MaxFileBytes)
        {
            throw TooLarge(path, length);
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static byte[] ReadToEnd(Stream stream, string path)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw TooLarge(path, buffer.Length + read);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static InputException TooLarge(string path, long bytes) =>
        new(path, 0, "", $"is {bytes:N0} bytes or more; inputs are read whole and may be at most {MaxFileBytes:N0} bytes (split it; a positions file has no such limit)");

    private static Stream Open(string path)
    {
        if (path == StandardInput)
        {
            return Console.OpenStandardInput();
        }

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
