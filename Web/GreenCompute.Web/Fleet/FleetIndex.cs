using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Fleet;

/// <summary>
/// The fleet table's data, read from the grains once per fleet step instead of once per request: after each step
/// (<see cref="FleetTicks"/>) it reads every site's overview once, in the background, as soon as anyone has asked for it;
/// a request filters and pages that <see cref="FleetView"/> in memory. A request waits only when the fleet stepped (or
/// <see cref="Invalidate"/> was called) since the last read and the new read is not done yet: one read at a time, shared.
/// </summary>
internal sealed partial class FleetIndex(ISiloAccess silo, FleetTicks ticks, ILogger<FleetIndex> logger) : BackgroundService
{
    // Never disposed: a read in flight at shutdown must still release it (a SemaphoreSlim holds no handle unless asked).
    private readonly SemaphoreSlim _read = new(1, 1);
    private FleetView? _current;
    private long _invalidated;
    private volatile bool _wanted;

    /// <summary>The view as of the latest fleet step (reads it first when it is older).</summary>
    public async Task<FleetView> CurrentAsync(CancellationToken cancellationToken = default)
    {
        _wanted = true;
        var stamp = Stamp;
        if (Volatile.Read(ref _current) is { } fresh && fresh.Tick >= stamp)
        {
            return fresh;
        }

        await _read.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.Tick >= stamp)
            {
                return again;
            }

            // Stamped before reading: a step during the read makes the next request read again.
            var readAt = Stamp;
            var overviews = await Task.WhenAll(silo.SiteIds.Select(s => silo.Site(s).GetOverview()));
            var view = new FleetView(readAt, overviews);
            Volatile.Write(ref _current, view);
            return view;
        }
        finally
        {
            _read.Release();
        }
    }

    /// <summary>Something changed outside a fleet step (a room was paired): the next request reads the grains again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _invalidated);

    /// <summary>Grows with every step and every invalidation: a view is current when read at or after it.</summary>
    private long Stamp => ticks.Count + Interlocked.Read(ref _invalidated);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ticks.Next.WaitAsync(stoppingToken);
                if (_wanted)
                {
                    await CurrentAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next request reads again and shows the error to its caller; the loop goes on.
                LogReadFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Reading the fleet's overview after a step failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
