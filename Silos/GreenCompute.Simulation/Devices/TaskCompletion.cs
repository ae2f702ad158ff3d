using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Devices;

/// <summary>A task finished on a node: when, how long after its start (pauses included), and its work.</summary>
public sealed record TaskCompletion(
    string NodeId, string TaskId, DateTimeOffset CompletedAt, TimeSpan Elapsed, CoreSeconds Work);
