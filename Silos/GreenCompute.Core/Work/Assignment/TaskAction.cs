namespace GreenCompute.Core.Work.Assignment;

/// <summary>What an assignment round does with a task now.</summary>
public enum TaskAction
{
    /// <summary>Start (or resume from its checkpoint) on the decided node.</summary>
    Start,

    /// <summary>Keep running where it runs.</summary>
    Keep,

    /// <summary>Keep running until its next checkpoint, then pause there (no work is lost).</summary>
    PauseAfterCheckpoint,

    /// <summary>Stop it: its job failed or was withdrawn, or it is a stale duplicate.</summary>
    Cancel,

    /// <summary>Stay queued; the reason says what for.</summary>
    Wait,

    /// <summary>Its node is offline: the task goes back to the queue from its last checkpoint.</summary>
    Lost,
}
