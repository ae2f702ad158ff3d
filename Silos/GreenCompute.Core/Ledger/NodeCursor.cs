namespace GreenCompute.Core.Ledger;

/// <summary>Where one node's device stream stands: the last accepted sequence, time and meter reading.</summary>
public sealed class NodeCursor
{
    public ulong? LastSequence { get; set; }

    public DateTimeOffset? LastTime { get; set; }

    /// <summary>The counter baseline for the next reading; null until the first reading after pairing.</summary>
    public SignedMeterReading? LastReading { get; set; }

    /// <summary>Recently credited "jobId/taskId" keys, oldest first, to refuse a task reported twice.</summary>
    public List<string> RecentTasks { get; set; } = [];
}
