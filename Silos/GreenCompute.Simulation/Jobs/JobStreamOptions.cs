namespace GreenCompute.Simulation.Jobs;

/// <summary>How a trace becomes submissions: time mapping, load scaling, task split and deadlines.</summary>
public sealed record JobStreamOptions
{
    public const string SectionName = "Simulation:Jobs";

    /// <summary>The simulated instant that the trace's submit offset 0 maps onto (the scenario start).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>
    /// When set, submit times are scaled so that the mean offered load (core-seconds per second) equals this
    /// fraction of <see cref="FleetCores"/>; otherwise <see cref="TimeScale"/> applies.
    /// </summary>
    public double? TargetLoad { get; init; }

    /// <summary>Total cores of the fleet, for <see cref="TargetLoad"/>.</summary>
    public int FleetCores { get; init; }

    /// <summary>Factor on submit offsets when <see cref="TargetLoad"/> is unset: 0.5 submits twice as densely.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>A job of p processors becomes min(p, this) tasks; the job's work is kept, so capped tasks are longer.</summary>
    public int MaxTasksPerJob { get; init; } = 16;

    public int CoresPerTask { get; init; } = 1;

    /// <summary>s in deadline = submit + max(s × task run time, task run time + <see cref="MinimumSlack"/>).</summary>
    public double DeadlineFactor { get; init; } = 3.0;

    public TimeSpan MinimumSlack { get; init; } = TimeSpan.Zero;

    public string JobIdPrefix { get; init; } = "trace";
}
