using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Gathers a round's tasks: running tasks of online nodes (which first hold their own node's current-slot
/// capacity), then queued ones; tasks on offline nodes are reported lost, cancelled or duplicated ones cancelled.
/// </summary>
internal sealed class RoundTasks(AssignmentRound round, Dictionary<string, int> nodeIndex)
{
    public List<RoundItem> Items { get; } = [];

    public List<TaskDecision> Early { get; } = [];

    public void Collect(AssignmentSnapshot snapshot, double[] free)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mine = new List<RoundItem>();

        // Online nodes first: a task already restarted elsewhere is not "lost" from the node that went away.
        for (var n = 0; n < round.Nodes.Length; n++)
        {
            var node = round.Nodes[n];
            if (!node.Snapshot.Online || node.Snapshot.Running.IsDefaultOrEmpty)
            {
                continue;
            }

            mine.Clear();
            foreach (var task in node.Snapshot.Running)
            {
                if (task.CancelRequested || !seen.Add(task.TaskId))
                {
                    node.Cancel.Add(task.TaskId);
                    Early.Add(Decision(task.TaskId, task.JobId, TaskAction.Cancel, node.Snapshot.NodeId, task.CancelRequested
                        ? AssignmentReasons.CancelRequested
                        : AssignmentReasons.Duplicate(node.Snapshot.NodeId)));
                    continue;
                }

                mine.Add(new RoundItem
                {
                    TaskId = task.TaskId,
                    JobId = task.JobId,
                    Running = true,
                    Node = n,
                    Remaining = Math.Max(0, task.Remaining.Value),
                    ToCheckpoint = Math.Max(0, task.TimeToNextCheckpoint.TotalSeconds),
                    Deadline = task.Deadline,
                    SubmittedAt = task.SubmittedAt,
                    MaxPrice = task.MaxPrice.Value,
                });
            }

            Reserve(n, mine, free);
        }

        foreach (var node in round.Nodes)
        {
            if (node.Snapshot.Online || node.Snapshot.Running.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var task in node.Snapshot.Running)
            {
                if (seen.Add(task.TaskId))
                {
                    Early.Add(Decision(task.TaskId, task.JobId, TaskAction.Lost, node.Snapshot.NodeId,
                        AssignmentReasons.Lost(node.Snapshot.NodeId, task.SinceCheckpoint.Value)));
                }
            }
        }

        var queue = snapshot.Queue.IsDefault ? [] : snapshot.Queue;
        foreach (var task in queue)
        {
            if (!seen.Add(task.TaskId))
            {
                continue;
            }

            Items.Add(new RoundItem
            {
                TaskId = task.TaskId,
                JobId = task.JobId,
                Input = Items.Count,
                Running = false,
                Remaining = Math.Max(0, task.Remaining.Value),
                Deadline = task.Deadline,
                SubmittedAt = task.SubmittedAt,
                MaxPrice = task.MaxPrice.Value,
                Avoid = task.AvoidNodeId is { } avoid && nodeIndex.TryGetValue(avoid, out var a) ? a : -1,
            });
        }
    }

    /// <summary>
    /// A node's own tasks hold its current-slot capacity first, earliest deadline first, so queued work never
    /// preempts them; at its turn each keeps what it uses and releases the rest.
    /// </summary>
    private void Reserve(int n, List<RoundItem> mine, double[] free)
    {
        mine.Sort((a, b) => a.Deadline.CompareTo(b.Deadline));
        var cell = n * round.Clock.Count;
        var ownPrice = round.Nodes[n].RunDwell
            ? double.NegativeInfinity
            : round.PriceNow(n) - round.Options.PreemptionMargin.Value;
        foreach (var item in mine)
        {
            item.Reserved = Math.Min(item.Remaining, Math.Min(round.CurrentSlotSeconds, free[cell]));
            free[cell] -= item.Reserved;
            item.OwnPrice = ownPrice;
            item.Input = Items.Count;
            Items.Add(item);
        }
    }

    private static TaskDecision Decision(string taskId, string jobId, TaskAction action, string nodeId, Reason reason) =>
        new(taskId, jobId, action, nodeId, reason, null, []);
}
