using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

/// <summary>
/// An intraday update file read from disk: the update as the grains take it, and the lines of its <c>id</c> and
/// <c>asOf</c>, which only the market grain can find at fault (applied before with other moves, before the snapshot).
/// </summary>
public sealed record MarketUpdateFile(MarketUpdate Update, string Path, int IdLine, int AsOfLine)
{
    /// <summary>The market grain's refusal of the file's id or time as bad input at that key's line; null for any other.</summary>
    public InputException? AtItsLine(MarginRequestException refusal) => refusal.Field switch
    {
        "id" => new InputException(Path, IdLine, refusal.Field, refusal.Problem),
        "asOf" => new InputException(Path, AsOfLine, refusal.Field, refusal.Problem),
        _ => null,
    };
}

/// <summary>Reads intraday update files (<see cref="Storage.Input.MarketUpdateJson"/>).</summary>
public static class MarketUpdateFiles
{
    public static MarketUpdateFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, 0, "", "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, "", $"cannot be read: {e.Message}");
        }

        var update = Storage.Input.MarketUpdateJson.Parse(text, path);
        return new MarketUpdateFile(
            new MarketUpdate(update.Id, update.AsOf, [.. update.Moves.Select(m => new UnderlyingMove(m.Underlying, m.Spot, m.AtmVol))]),
            path, update.IdLine, update.AsOfLine);
    }
}
