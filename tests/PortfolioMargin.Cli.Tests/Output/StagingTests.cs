using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Output;

/// <summary>Staging folders carry their writer's pid; those of processes that no longer run are removed by the next run.</summary>
public sealed class StagingTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("pm-staging-").FullName;

    [Fact]
    public void A_run_removes_the_staging_folders_of_dead_processes_and_keeps_everything_else()
    {
        // No Linux pid reaches 2^22 + 1 (pid_max is at most 2^22); pid 1 always runs.
        var dead = Directory.CreateDirectory(Path.Combine(_parent, ".old.partial-4194305-0123456789abcdef0123456789abcdef")).FullName;
        File.WriteAllText(Path.Combine(dead, "positions.parquet"), "truncated");
        var alive = Directory.CreateDirectory(Path.Combine(_parent, ".other.partial-1-0123456789abcdef0123456789abcdef")).FullName;
        var withoutPid = Directory.CreateDirectory(Path.Combine(_parent, ".legacy.partial-0123456789abcdef0123456789abcdef")).FullName;
        var unrelated = Directory.CreateDirectory(Path.Combine(_parent, "results")).FullName;

        using (var folder = RunDirectory.Begin(Path.Combine(_parent, "new")))
        {
            Assert.Contains($".partial-{Environment.ProcessId}-", Path.GetFileName(folder.Staging));
            Assert.True(Directory.Exists(folder.Staging));
        }

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(alive));
        Assert.True(Directory.Exists(withoutPid));
        Assert.True(Directory.Exists(unrelated));
        Assert.False(Directory.Exists(Path.Combine(_parent, "new")));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
