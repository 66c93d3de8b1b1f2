namespace PortfolioMargin.Storage.Output;

/// <summary>
/// All-or-nothing output: files are written into a hidden staging folder beside the target and the folder is
/// renamed into place only when every file is complete, so a failed run leaves nothing that looks like a result.
/// An existing target is never overwritten.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    private bool _committed;

    private RunDirectory(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    public string Target { get; }

    public string Staging { get; }

    /// <summary>Refuses a target that is a file or a folder holding anything, before a run does any work.</summary>
    public static void CheckTarget(string target)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new IOException($"{full}: output folder is a file; choose another --out.");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new IOException($"{full}: output folder already exists and is not empty; choose another --out.");
        }
    }

    public static RunDirectory Begin(string target)
    {
        var full = Path.GetFullPath(target);
        CheckTarget(full);

        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        RemoveStaleStaging(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new RunDirectory(full, staging);
    }

    /// <summary>Staging folders are named .TARGET.partial-PID-GUID: the pid of the process writing them.</summary>
    private const string PartialMarker = ".partial-";

    /// <summary>
    /// Removes the staging folders that processes which no longer run left in this parent folder (a run killed
    /// with SIGKILL, or a machine that lost power, cannot clean up after itself). A folder whose pid is alive,
    /// or whose name does not carry a pid, is left alone: it may be another run's, still writing.
    /// </summary>
    public static void RemoveStaleStaging(string parent)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, $".*{PartialMarker}*").ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in candidates)
        {
            var name = Path.GetFileName(folder);
            var tail = name[(name.LastIndexOf(PartialMarker, StringComparison.Ordinal) + PartialMarker.Length)..];
            var dash = tail.IndexOf('-');
            if (dash <= 0 || !int.TryParse(tail[..dash], out var pid) || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Someone else's to clean, or already gone.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public string PathOf(string fileName) => Path.Combine(Staging, fileName);

    public void Commit()
    {
        if (Directory.Exists(Target))
        {
            Directory.Delete(Target); // empty, checked in Begin
        }

        Directory.Move(Staging, Target);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }
}
