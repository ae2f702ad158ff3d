namespace GreenCompute.Simulation.Time;

/// <summary>How simulated time runs: the physics step and how many times faster than real time.</summary>
public sealed record SimulationClockOptions
{
    public const string SectionName = "Simulation:Clock";

    /// <summary>Simulated time per fleet step (60 s by default; the room model is exact for any step).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Simulated seconds per wall-clock second; <see cref="double.PositiveInfinity"/> runs as fast as possible.</summary>
    public double SpeedFactor { get; init; } = double.PositiveInfinity;
}
