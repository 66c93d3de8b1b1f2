using System.Diagnostics;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>Skips a test, with the reason in the test output, where no Chromium is on PATH (.ci/run installs Debian's).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable() is null)
        {
            Skip = "chromium is not on PATH: apt-get install chromium (as .ci/run does) to open the report in a headless browser";
        }
    }
}

/// <summary>Headless Chromium run once per call, in a profile folder of its own, with a time limit.</summary>
public static class Chromium
{
    /// <summary>
    /// Screenshots <paramref name="file"/> 1280 pixels wide and counts the distinct colours on a 3-pixel grid: text,
    /// tables and charts in several colours give far more than a blank or an error page has.
    /// </summary>
    public static int ScreenshotColours(string scratch, string file, int height)
    {
        var shot = Path.Combine(scratch, Path.GetFileNameWithoutExtension(file) + ".png");
        Run(Path.Combine(scratch, "profile-shot-" + Path.GetFileNameWithoutExtension(file)), file, $"--screenshot={shot}", $"--window-size=1280,{height}");
        using var bitmap = SkiaSharp.SKBitmap.Decode(shot);
        Assert.Equal(1280, bitmap.Width);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    public static string? Executable() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs Chromium headless on a local file with extra switches; returns its exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string profile, string file, params string[] switches)
    {
        var start = new ProcessStartInfo(Executable()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}" }.Concat(switches))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(file).AbsoluteUri);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish with {file} within 2 minutes");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
