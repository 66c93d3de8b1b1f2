using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Market;

/// <summary>An intraday update file (<see cref="Core.Input.MarketUpdateJson"/>) read from disk, as the grains take it.</summary>
public static class MarketUpdateFiles
{
    public static MarketUpdate Load(string path)
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
        return new MarketUpdate(update.Id, update.AsOf, [.. update.Moves.Select(m => new UnderlyingMove(m.Underlying, m.Spot, m.AtmVol))]);
    }
}
