using Microsoft.Extensions.Hosting;

namespace PortfolioMargin.Silo.Hosting;

/// <summary>
/// The host lifetime of a silo or client inside a command (`pm run`, `pm intraday`): it starts and stops when the
/// command says. The default console lifetime would take Ctrl+C for itself and wait for a graceful shutdown
/// while the run went on.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
