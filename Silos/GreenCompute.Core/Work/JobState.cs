namespace GreenCompute.Core.Work;

/// <summary>Where a job is in its life: no task started yet, some started, all done, or given up.</summary>
public enum JobState
{
    Queued,
    Running,
    Completed,
    Failed,
}
