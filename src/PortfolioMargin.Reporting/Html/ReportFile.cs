namespace PortfolioMargin.Reporting.Html;

/// <summary>A report written whole or not at all: a temporary file beside the target, renamed into place.</summary>
internal static class ReportFile
{
    /// <summary>Writes <paramref name="html"/> to <paramref name="output"/>; returns the full path written.</summary>
    public static async Task<string> WriteAsync(string output, string html, CancellationToken cancellation)
    {
        var target = Path.GetFullPath(output);
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, html, cancellation);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return target;
    }
}
