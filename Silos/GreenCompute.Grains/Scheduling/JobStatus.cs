using GreenCompute.Core.Units;
using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A job as its customer follows it.</summary>
public sealed record JobStatus(
    string JobId,
    string Name,
    JobState State,
    string Reason,
    int Tasks,
    int TasksCompleted,
    int TasksRunning,
    int TasksFailed,
    CoreSeconds Work,
    CoreSeconds Done,
    DateTimeOffset SubmittedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? EstimatedCompletion,
    DateTimeOffset? FinishedAt,
    bool Cancelled = false);
