namespace GreenCompute.Grains.Scheduling;

/// <summary>What a device says about a task (gc/v1/nodes/{id}/events).</summary>
public enum TaskEventKind
{
    Progress,
    Checkpointed,
    Paused,
    Completed,
    Failed,
    Cancelled,
}
