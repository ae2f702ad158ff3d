using GreenCompute.Simulation.Devices;

namespace GreenCompute.Simulation.Time;

/// <summary>Raised after each fleet step: the simulated time reached and the tasks that completed in the step.</summary>
public sealed record FleetStepped(DateTimeOffset Time, IReadOnlyList<TaskCompletion> Completions);
