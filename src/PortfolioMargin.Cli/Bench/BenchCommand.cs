using System.Diagnostics;
using System.Globalization;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Engine;
using PortfolioMargin.Engine.Backends;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Cli.Bench;

/// <summary>What `pm bench` was asked to measure.</summary>
internal sealed record BenchRequest(
    string Book, int? Paths, DeviceKind Device, bool Peer, string? Record, int Warmups, DeviceKind? CompareWith = null, bool ClusterOverhead = false, DevicePeak? Peak = null);

/// <summary>
/// `pm bench`: one end-to-end run of the engine on a benchmark book (load, Monte Carlo, stress, Greeks, Parquet),
/// per-stage times and throughput, then the numpy peer on the same book and paths, and the ratio of the two.
/// With --record, appends one row to a results file with the date, machine, device and commit.
/// </summary>
internal static class BenchCommand
{
    public static int Execute(BenchRequest request, TextWriter stdout, TextWriter stderr)
    {
        var book = Path.GetFullPath(request.Book);
        var configPath = Path.Combine(book, "config.json");

        // Before a backend is opened (seconds on a GPU) for a book that is not there; its files are checked as they load.
        if (!Directory.Exists(book))
        {
            throw new InputException(book, 0, "", "benchmark book folder does not exist (pm bench generate writes one)");
        }

        using var backend = RiskBackends.Open(request.Device);
        stderr.WriteLine($"bench: {book} on {backend.Description}");

        EndToEnd? run = null;
        for (var i = 0; i <= request.Warmups; i++)
        {
            run = EndToEnd.Measure(backend, book, configPath, request.Paths);
        }

        var measured = run!;
        var inputs = measured.Inputs;
        var paths = inputs.Config.Paths;
        var instruments = measured.Instruments;
        stdout.WriteLine($"book: {inputs.Positions.Count:N0} positions, {measured.Result.Accounts.Count:N0} accounts, {instruments:N0} distinct instruments, {inputs.Market.Underlyings.Count} underlyings, {paths:N0} paths");
        foreach (var (stage, ms) in measured.Result.Timings.Milliseconds)
        {
            stdout.WriteLine($"  {stage,-12} {ms,10:F1} ms");
        }

        var seconds = measured.WallSeconds;
        stdout.WriteLine($"  {"total",-12} {seconds * 1000,10:F1} ms (end to end, inputs to Parquet)");
        stdout.WriteLine($"position-path revaluations/s: {inputs.Positions.Count * (double)paths / seconds:E3}; instrument-path: {instruments * (double)paths / seconds:E3}; accounts/s: {measured.Result.Accounts.Count / seconds:F0}");
        stdout.WriteLine($"peak host memory: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB; peak device memory: {(backend.PeakDeviceBytes > 0 ? $"{backend.PeakDeviceBytes / 1048576.0:F0} MiB" : "none (host backend)")}; planned working buffers: {measured.WorkingBytes / 1048576.0:F0} MiB");
        stdout.WriteLine($"device: {backend.Description}; commit: {Commit()}");
        PrintRoofline(request, backend, measured, stdout);
        var summary = new System.Text.Json.Nodes.JsonObject
        {
            ["book"] = Path.GetFileName(book),
            ["accounts"] = measured.Result.Accounts.Count,
            ["positions"] = inputs.Positions.Count,
            ["instruments"] = instruments,
            ["paths"] = paths,
            ["seconds"] = seconds,
            ["device"] = backend.Description,
        };
        stdout.WriteLine($"result {summary.ToJsonString()}");

        PeerRun? peer = null;
        if (request.Peer)
        {
            var script = PeerRun.FindScript();
            if (script is null)
            {
                stderr.WriteLine($"peer: {PeerRun.ScriptInRepository} not found (run from the repository); skipped");
            }
            else
            {
                peer = PeerRun.Run(script, book, paths);
                stdout.WriteLine($"peer (numpy): total_s {peer.TotalSeconds:F2} s, process wall {peer.WallSeconds:F2} s, revalue {peer.RevalueSeconds:F2} s");
                stdout.WriteLine($"speed-up vs peer: {peer.TotalSeconds / seconds:F2}x on its total_s, {peer.WallSeconds / seconds:F2}x on its wall time");
                var esSum = measured.Result.Accounts.Sum(a => a.Horizon.ExpectedShortfall);
                stdout.WriteLine($"ES checksum: engine {esSum:E6}, peer {peer.EsSum:E6} (different random streams: agree to Monte Carlo error)");
            }
        }

        if (request.CompareWith is { } other)
        {
            using var reference = RiskBackends.Open(other);
            var check = new MarginEngine(reference).Run(inputs);
            var worst = measured.Result.Accounts.Zip(check.Accounts)
                .Select(pair => Math.Abs(pair.First.Horizon.ExpectedShortfall - pair.Second.Horizon.ExpectedShortfall)
                                / Math.Max(1e-300, Math.Max(Math.Abs(pair.Second.Horizon.ExpectedShortfall) * 1e-9, pair.Second.Horizon.ExpectedShortfallStdError)))
                .DefaultIfEmpty(0.0).Max();
            var identical = measured.Result.Accounts.Zip(check.Accounts).Count(pair => pair.First == pair.Second);
            stdout.WriteLine($"agreement with {reference.Description}: {identical}/{check.Accounts.Count} accounts bit-identical; largest ES gap {worst:E2} standard errors");
        }

        if (request.ClusterOverhead)
        {
            // Medians of 21 alternating pairs: single runs of a quarter second swing by ±30% on a shared 2-core machine.
            // Both sides are `pm run` on the same warm backend, files and all: direct, and through the silo.
            const int Repeats = 21;
            var template = new RunRequest(null, null, null, null, null, request.Device, paths, null, false, ["pm", "bench"]);
            var (direct, viaSilo) = Bench.ClusterOverhead.MeasureSecondsAsync(
                book, template, Repeats, backend, CancellationToken.None).GetAwaiter().GetResult();
            var (d, s) = (Median(direct), Median(viaSilo));
            stdout.WriteLine($"median of {Repeats} alternating runs: direct {d * 1000:F1} ms, through a warm embedded silo {s * 1000:F1} ms; grain-layer overhead {(s - d) / d:P1}");
        }

        if (request.Record is { } record)
        {
            File.AppendAllText(record, Row(book, paths, backend.Description, seconds, measured, peer) + Environment.NewLine);
            stderr.WriteLine($"recorded in {record}");
        }

        return 0;
    }

    private static string Row(string book, int paths, string device, double seconds, EndToEnd run, PeerRun? peer)
    {
        var timings = run.Result.Timings.Milliseconds;
        string Stage(string name) => timings.TryGetValue(name, out var ms) ? (ms / 1000).ToString("F2", CultureInfo.InvariantCulture) : "-";
        var peerTotal = peer is null ? "-" : peer.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        var ratio = peer is null ? "-" : (peer.TotalSeconds / seconds).ToString("F2", CultureInfo.InvariantCulture) + "x";
        return string.Join(" | ",
            $"| {DateTime.UtcNow:yyyy-MM-dd}", Environment.MachineName + $" ({Environment.ProcessorCount} cores)", device, Commit(),
            Path.GetFileName(book), paths.ToString(CultureInfo.InvariantCulture),
            seconds.ToString("F2", CultureInfo.InvariantCulture), Stage("revaluation"), Stage("aggregation"), Stage("tail"), Stage("parquet"),
            peerTotal, ratio + " |");
    }

    /// <summary>Floors of the Monte Carlo stages on the device's peaks, and the measured times over them.</summary>
    private static void PrintRoofline(BenchRequest request, IRiskBackend backend, EndToEnd measured, TextWriter stdout)
    {
        var peak = request.Peak ?? (backend is IlgpuBackend ilgpu ? DevicePeak.Of(ilgpu.Accelerator.Accelerator) : null);
        if (peak is null)
        {
            stdout.WriteLine("roofline: device peaks unknown (CUDA devices report them; elsewhere pass --peak FP32_GFLOPS FP64_GFLOPS GBS)");
            return;
        }

        var work = Workload.Of(measured.Inputs);
        var ms = measured.Result.Timings.Milliseconds;
        double? Seconds(params string[] stages) => stages.All(ms.ContainsKey) ? stages.Sum(s => ms[s]) / 1000 : null;
        stdout.WriteLine($"roofline on {peak.Fp32Gflops / 1e3:F1} TFLOP/s FP32, {peak.Fp64Gflops / 1e3:F1} TFLOP/s FP64, {peak.MemoryGBs:F0} GB/s ({peak.Basis})");
        stdout.WriteLine("  " + RooflineFloor.Of("revaluation", work.RevaluationFlops, work.RevaluationBytes, peak, Seconds("revaluation")));
        stdout.WriteLine("  " + RooflineFloor.Of("monte carlo", work.MonteCarloFlops, work.MonteCarloBytes, peak, Seconds("scenarios", "revaluation", "aggregation", "tail")));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start);
            var sha = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return string.IsNullOrEmpty(sha) ? "unknown" : sha;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
