namespace GreenCompute.Simulation.Devices;

/// <summary>Mutable progress of one task inside a <see cref="SimulatedHeater"/> (core-seconds as doubles).</summary>
internal sealed class SimulatedTask(string id, int cores, double work, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public int Cores { get; } = cores;

    public double Work { get; } = work;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public double Done { get; set; }

    public bool Paused { get; set; }

    /// <summary>Orders waiting tasks for a free core (earliest first).</summary>
    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

    public double Remaining => Math.Max(0, Work - Done);
}
