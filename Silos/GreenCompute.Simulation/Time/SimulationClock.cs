using GreenCompute.Core.Time;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.Simulation.Time;

/// <summary>
/// Drives simulated time: each step advances the fleet, then the <see cref="ManualTimeProvider"/> (firing the
/// timers of whatever runs on simulated time, such as grains), then raises <see cref="Stepped"/>. Timers that
/// fall due inside a step therefore see the fleet at the step's end.
/// </summary>
public sealed class SimulationClock
{
    private readonly TimeProvider _wallClock;
    private int _running;

    public SimulationClock(
        SimulatedFleet fleet,
        SimulationClockOptions? options = null,
        ManualTimeProvider? time = null,
        TimeProvider? wallClock = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        options ??= new SimulationClockOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Step, TimeSpan.Zero);
        if (!(options.SpeedFactor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "SpeedFactor must be positive (or +∞ for as fast as possible).");
        }

        Fleet = fleet;
        Time = time ?? new ManualTimeProvider(fleet.Now);
        if (Time.GetUtcNow() != fleet.Now)
        {
            throw new ArgumentException(
                $"The time provider reads {Time.GetUtcNow():O} but the fleet is at {fleet.Now:O}; they must start together.",
                nameof(time));
        }

        Step = options.Step;
        SpeedFactor = options.SpeedFactor;
        _wallClock = wallClock ?? TimeProvider.System;
    }

    public SimulatedFleet Fleet { get; }

    /// <summary>The simulated clock: inject it wherever code needs "now" in simulated time.</summary>
    public ManualTimeProvider Time { get; }

    public TimeSpan Step { get; }

    public double SpeedFactor { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public event EventHandler<FleetStepped>? Stepped;

    /// <summary>Runs <paramref name="duration"/> of simulated time at once, in steps (the last one may be shorter).</summary>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var end = Now + duration;
        while (Now < end)
        {
            StepOnce(Min(Step, end - Now));
        }
    }

    /// <summary>
    /// Runs until <paramref name="end"/>, paced at <see cref="SpeedFactor"/> against the wall clock (or as fast as
    /// possible, yielding now and then). Only one run at a time.
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The simulation clock is already running.");
        }

        try
        {
            var wallStart = _wallClock.GetTimestamp();
            var simStart = Now;
            var steps = 0;
            while (Now < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                StepOnce(Min(Step, end - Now));
                steps++;
                if (Now >= end)
                {
                    break;
                }

                if (double.IsPositiveInfinity(SpeedFactor))
                {
                    if (steps % 256 == 0)
                    {
                        await Task.Yield();
                    }

                    continue;
                }

                var due = TimeSpan.FromTicks((long)((Now - simStart).Ticks / SpeedFactor));
                var wait = due - _wallClock.GetElapsedTime(wallStart);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _wallClock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void StepOnce(TimeSpan dt)
    {
        // Step the fleet to the clock's target, so the two stay together even if someone else moved the clock.
        var target = Now + dt;
        var fleetDt = target - Fleet.Now;
        IReadOnlyList<TaskCompletion> completions = fleetDt > TimeSpan.Zero ? Fleet.Step(fleetDt) : [];
        Time.AdvanceTo(target);
        Stepped?.Invoke(this, new FleetStepped(Now, completions));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;
}
