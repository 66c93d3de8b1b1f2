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
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new RunDirectory(full, staging);
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
