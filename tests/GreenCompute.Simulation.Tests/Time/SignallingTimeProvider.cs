using GreenCompute.Core.Time;

namespace GreenCompute.Simulation.Tests.Time;

/// <summary>
/// A manual wall clock that tells the test each time a timer is created, so the test advances it only after the
/// code under test has started waiting (no race between "compute the wait" and "advance the clock").
/// </summary>
internal sealed class SignallingTimeProvider(ManualTimeProvider inner) : TimeProvider
{
    private readonly SemaphoreSlim _timersCreated = new(0);

    public ManualTimeProvider Inner { get; } = inner;

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Inner.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Waits for the next timer to be created; the message names what was awaited.</summary>
    public async Task WaitForTimerAsync()
    {
        if (!await _timersCreated.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The simulation clock never started waiting on the wall clock.");
        }
    }
}
