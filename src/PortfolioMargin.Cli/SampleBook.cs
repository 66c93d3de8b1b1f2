namespace PortfolioMargin.Cli;

/// <summary>
/// Where the bundled sample book lives: ./samples when run from the repository root, else the copy built next to
/// the executable, so `pm run` works from any folder.
/// </summary>
internal static class SampleBook
{
    public static string Folder()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "samples");
        return File.Exists(Path.Combine(local, "market.json")) ? local : Path.Combine(AppContext.BaseDirectory, "samples");
    }

    public static string PathOf(string name) => Path.Combine(Folder(), name);
}
