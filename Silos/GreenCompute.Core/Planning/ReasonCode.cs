namespace GreenCompute.Core.Planning;

/// <summary>Why a heater is on or off, or why work waits. Each code has a plain-words text in <see cref="Reason"/>.</summary>
public enum ReasonCode
{
    /// <summary>The room is at or above its setpoint: no heat needed now.</summary>
    SetpointReached,
    /// <summary>The room is below its band and must be heated now.</summary>
    BelowBand,
    /// <summary>The room needs heat in this slot at the planned (cheap) price.</summary>
    PlannedHeat,
    /// <summary>The price now is above the plan's: the room coasts on stored heat.</summary>
    PriceAboveplanCoasting,
    /// <summary>Heating now, ahead of an expensive period, to coast through it.</summary>
    PreheatingBeforePeak,
    /// <summary>Heat is wanted but no task is queued: the heater runs heat-only.</summary>
    NoQueuedWorkHeatOnly,
    /// <summary>Heat is wanted and paid work fills it.</summary>
    Computing,
    /// <summary>No room wants heat: work waits for capacity elsewhere.</summary>
    NoHeatDemandWorkWaits,
    /// <summary>A deadline forces work to run although no room wants heat.</summary>
    DeadlineForcesRun,
    /// <summary>Held in its state to avoid flapping (minimum on/off time).</summary>
    HysteresisHold,
    /// <summary>Running task keeps running until its next checkpoint before pausing.</summary>
    WaitingForCheckpoint,
    /// <summary>The node is offline or failed.</summary>
    Offline,
    /// <summary>The band cannot be held (heater too small or too cold outside): the plan does its best.</summary>
    Infeasible,
    /// <summary>The heater is capped by a power limit.</summary>
    PowerCapped,
    /// <summary>Heat is wanted now, but the work is placed in cheaper planned slots later.</summary>
    WaitingForCheaperSlot,
    /// <summary>All capacity that would fit costs more than the job's price cap.</summary>
    PriceAboveJobCap,
    /// <summary>A task went back to the queue from its last checkpoint after a node failed.</summary>
    RetryFromCheckpoint,
    /// <summary>A task or job gave up: retries exhausted.</summary>
    WorkFailed,
    /// <summary>A task or job finished.</summary>
    WorkCompleted,
    /// <summary>Submitted and waiting for its first placement.</summary>
    WorkQueued,
    /// <summary>A task was stopped because its job failed or was withdrawn.</summary>
    WorkCancelled,
    /// <summary>The deadline cannot be met, even running without heat demand.</summary>
    DeadlineAtRisk,
}
