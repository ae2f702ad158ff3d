using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Scheduling;

/// <summary>One task event from a node: <see cref="Done"/> is the task's work done so far (or at the checkpoint).</summary>
public sealed record TaskEvent(string TaskId, string NodeId, TaskEventKind Kind, CoreSeconds Done, DateTimeOffset At, string? Detail = null);
