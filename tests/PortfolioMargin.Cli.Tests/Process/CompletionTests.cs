using System.Diagnostics;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// Tab completion (README): System.CommandLine's [suggest:N] directive, and completion/pm.bash, which asks it,
/// run as bash runs a completion function.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-completion-").FullName;

    [Theory]
    [InlineData("pm run --d", "--device,--direct")]
    [InlineData("pm report x --t", "--top")]
    [InlineData("pm bench generate x S --s", "--seed")]
    [InlineData("pm run --device ", "auto,cpu,cuda,host,opencl")]
    public void The_suggest_directive_lists_the_options_a_partial_word_can_become(string line, string expected)
    {
        var (exit, stdout, stderr) = PmProcess.Run(_folder, $"[suggest:{line.Length}]", line);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Equal(expected.Split(','), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("pm b", "backtest bench")]
    [InlineData("pm bench g", "generate")]
    [InlineData("pm run --device c", "cpu cuda")]
    public async Task The_bash_completion_function_completes_verbs_subcommands_and_option_values(string line, string expected)
    {
        // A wrapper named pm, as the script expects a program on PATH; bash is given the line as it hands it to a function.
        var pm = Path.Combine(_folder, "pm");
        File.WriteAllText(pm, $"#!/bin/sh\nexec \"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"}\" \"{Path.Combine(AppContext.BaseDirectory, "pm.dll")}\" \"$@\"\n");
        var script = $$"""
            chmod +x '{{pm}}'
            source '{{Path.Combine(AppContext.BaseDirectory, "completion", "pm.bash")}}'
            COMP_LINE='{{pm}}{{line[2..]}}'
            COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _pm_complete
            echo "${COMPREPLY[*]}"
            """;
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = System.Diagnostics.Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bash.WaitForExitAsync(timeout.Token);

        Assert.True(bash.ExitCode == 0, await stderr);
        Assert.Equal(expected, (await stdout).Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
