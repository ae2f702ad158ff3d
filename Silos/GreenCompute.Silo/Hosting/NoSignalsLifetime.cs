using Microsoft.Extensions.Hosting;

namespace GreenCompute.Silo.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM alone: a server embedded in the silo program must not take those
/// signals (the default console lifetime would swallow them and stop only itself); the program stops it.
/// </summary>
internal sealed class NoSignalsLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
