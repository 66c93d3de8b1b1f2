using System.Diagnostics;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>`pm` as a user runs it: a fresh process (the build's pm.dll under the same dotnet host), its exit code, stdout and stderr.</summary>
internal sealed class PmProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly System.Text.StringBuilder _stdout = new();
    private readonly System.Text.StringBuilder _stderr = new();

    public PmProcess(string workingDirectory, params string[] args)
        : this(workingDirectory, null, args)
    {
    }

    /// <param name="stdin">Bytes piped to the process's standard input, which is then closed; null leaves it alone.</param>
    /// <param name="environment">Variables set for the process, over this one's.</param>
    public PmProcess(string workingDirectory, byte[]? stdin, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(ResetsSigint ? "env" : dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (ResetsSigint)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(dotnet);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = new System.Diagnostics.Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (stdin is not null)
        {
            _process.StandardInput.BaseStream.Write(stdin);
            _process.StandardInput.Close();
        }
    }

    /// <summary>
    /// A suite started in the background of a shell without job control inherits SIGINT ignored, and pm (rightly)
    /// keeps an inherited ignore, as every Unix program does; coreutils' env restores the default so the Ctrl-C
    /// tests see what a user at a terminal sees. env execs, so the process id stays pm's.
    /// </summary>
    private static bool ResetsSigint => ResetsSigintProbe.Value;

    private static readonly Lazy<bool> ResetsSigintProbe = new(() =>
    {
        try
        {
            using var probe = System.Diagnostics.Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "true"]) { UseShellExecute = false, RedirectStandardError = true });
            probe!.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public int Id => _process.Id;

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>) and returns the exit code.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary>As <see cref="Run(string, string[])"/>, with <paramref name="stdin"/> piped to standard input.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, byte[]? stdin, params string[] args) => Run(workingDirectory, stdin, null, args);

    /// <summary>As <see cref="Run(string, string[])"/>, with <paramref name="environment"/> set for the process.</summary>
    public static (int Exit, string Stdout, string Stderr) RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(workingDirectory, null, environment, args);

    private static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        using var pm = new PmProcess(workingDirectory, stdin, args, environment);
        var exit = pm.WaitForExit(TimeSpan.FromMinutes(3));
        return (exit, pm.Stdout, pm.Stderr);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pm did not exit within {timeout}; stderr:\n{Stderr}");
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits until stderr holds <paramref name="text"/>.</summary>
    public void WaitForStderr(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"stderr never showed '{text}':\n{Stderr}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Sends a signal: INT is what Ctrl+C sends, TERM what a service manager or `kill` sends.</summary>
    public void Interrupt(string signal = "INT")
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static void Append(System.Text.StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Read(System.Text.StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
