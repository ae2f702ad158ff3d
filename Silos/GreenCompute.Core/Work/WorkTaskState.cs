namespace GreenCompute.Core.Work;

/// <summary>
/// Queued → Running → (Paused at a checkpoint → Running …) → Completed | Failed. A task of a failed job that
/// has not finished is Cancelled. Queued and Paused tasks are runnable.
/// </summary>
public enum WorkTaskState
{
    Queued,
    Running,
    Paused,
    Completed,
    Failed,
    Cancelled,
}
