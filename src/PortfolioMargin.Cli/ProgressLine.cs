using PortfolioMargin.Engine;

namespace PortfolioMargin.Cli;

/// <summary>
/// A run's progress on stderr. On a terminal: one line redrawn in place, a bar with the share of accounts done,
/// the rate and the time left. Elsewhere (a log, a pipe): a plain line every few seconds, and the last one.
/// With --quiet: nothing.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr, bool quiet = false) : IProgress<EngineProgress>
{
    /// <summary>Off a terminal, at most one line in this long: a log of a long run stays readable.</summary>
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly bool _interactive = stderr == Console.Error && !Console.IsErrorRedirected;
    private TimeSpan? _lastLogged;
    private bool _loggedComplete;
    private bool _drawn;

    public void Report(EngineProgress value)
    {
        var seconds = Math.Max(value.Elapsed.TotalSeconds, 1e-9);
        var rate = $"{value.PathsSimulated / seconds / 1e6:F2} M account-paths/s";
        // Accounts are done a whole batch at a time (one batch, the usual case, ends with the run), so inside a batch
        // the account-paths simulated are what moves.
        var paths = value.PathsTotal > 0 ? $"{value.PathsSimulated:N0} of {value.PathsTotal:N0} account-paths, " : "";
        var accounts = $"{value.AccountsDone}/{value.AccountsTotal} accounts done";

        // Past the paths (the attribution, the rules) the line says which stage the share is in.
        Show(value.Fraction, value.Stage == EngineStages.Paths ? $"{paths}{accounts}, {rate}" : $"{value.Stage}, {accounts}", value.Elapsed);
    }

    /// <summary>
    /// Progress that counts things done: accounts (a run through a cluster), dates (a backtest); the share is
    /// <paramref name="fraction"/> where the work was weighed (a cluster's shards report the engine's), else done / total.
    /// </summary>
    public void Report(int done, int total, TimeSpan elapsed, string detail, string unit = "accounts", double? fraction = null) =>
        Show(fraction ?? (total > 0 ? (double)done / total : 0.0), total > 0 ? $"{done}/{total} {unit}, {detail}" : detail, elapsed);

    /// <summary>Ends the in-place line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (_drawn)
        {
            stderr.WriteLine();
            _drawn = false;
        }
    }

    private void Show(double fraction, string detail, TimeSpan elapsed)
    {
        if (quiet)
        {
            return;
        }

        var left = fraction is > 0 and < 1 ? $", {TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction):m\\:ss} left" : "";
        if (_interactive)
        {
            const int Width = 24;
            var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
            stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {detail}, {elapsed.TotalSeconds:F1} s{left}\u001b[K");
            _drawn = true;
            return;
        }

        // The first report of a finished run is logged at once; after it (a cluster run polls while its account
        // grains take the results) the interval holds as before, or a log fills with copies of the same line.
        var justFinished = fraction >= 1 && !_loggedComplete;
        if (justFinished || _lastLogged is not { } last || elapsed - last >= LogInterval)
        {
            _lastLogged = elapsed;
            _loggedComplete |= fraction >= 1;
            stderr.WriteLine($"progress: {fraction:P0}, {detail}, {elapsed.TotalSeconds:F1} s{left}");
        }
    }
}
