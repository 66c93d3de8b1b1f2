using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>Skips a test, with the reason in the test output, where redis-server cannot be started.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable() is null)
        {
            Skip = "redis-server is not on PATH: run cluster-config/start-redis.sh (or apt-get install redis-server) to run the Redis cluster tests";
        }
    }
}

/// <summary>A throwaway redis-server on a free loopback port, nothing saved to disk, stopped with the fixture.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public int Port { get; } = FreePort();

    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    public async Task InitializeAsync()
    {
        if (Executable() is not { } executable)
        {
            return;
        }

        _process = Process.Start(new ProcessStartInfo(executable, ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingAsync())
        {
            if (DateTime.UtcNow > deadline || _process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server did not answer on {ConnectionString}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A free loopback port; instance 1 of a silo config uses the next one, free in practice.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }
}
