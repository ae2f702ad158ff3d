using System.Collections.Immutable;
using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A job as the scheduler persists it: its spec and each task's progress (replayed into a <see cref="Job"/> on activation).</summary>
public sealed record JobRecord(string JobId, JobSpec Spec, DateTimeOffset SubmittedAt, ImmutableArray<TaskRecord> Tasks, DateTimeOffset? CancelledAt = null);
