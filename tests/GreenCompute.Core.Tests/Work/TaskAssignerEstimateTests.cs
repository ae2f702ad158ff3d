using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Core.Work.Assignment;
using static GreenCompute.Core.Tests.Work.WorkFixtures;

namespace GreenCompute.Core.Tests.Work;

public class TaskAssignerEstimateTests
{
    [Fact]
    public void Assign_CompletionEstimate_IsTheEndOfTheLastPlacedRun()
    {
        var random = new Random(7);
        var nodes = Enumerable.Range(0, 6)
            .Select(n => Node($"N{n}",
                Enumerable.Range(0, 8).Select(_ => (double)random.Next(0, 3)).ToArray(),
                Enumerable.Range(0, 8).Select(_ => (double)random.Next(10, 90)).ToArray(),
                cores: 2))
            .ToArray();
        var queue = Enumerable.Range(0, 30)
            .Select(t => Queued($"job{t % 5}/{t}", hours: 0.25 + random.NextDouble(), deadline: At(3 + (t % 5))))
            .ToArray();

        var result = TaskAssigner.Assign(Snapshot(At(0.5), nodes, queue), Options);

        foreach (var job in result.Jobs.Where(j => !j.DeadlineAtRisk))
        {
            var runs = result.Tasks.Where(t => t.JobId == job.JobId).SelectMany(t => t.Runs).ToList();
            Assert.Equal(runs.Max(r => r.End), job.Completion);
            Assert.True(job.Completion <= job.Deadline);
        }

        foreach (var task in result.Tasks.Where(t => t.Runs.Length > 0 && !result.JobOf(t.JobId).DeadlineAtRisk))
        {
            var queued = queue.Single(q => q.TaskId == task.TaskId);
            Assert.Equal(queued.Remaining.Value, task.Runs.Sum(r => r.Work.Value), 6);
            Assert.Equal(task.Runs.Max(r => r.End), task.EstimatedCompletion);
            Assert.Equal(task.Action == TaskAction.Start, task.Runs.Any(r => r.Start < At(1)));
        }

        // Planned runs never exceed a node's planned capacity in a slot.
        foreach (var group in result.Tasks.SelectMany(t => t.Runs).Where(r => !r.Forced).GroupBy(r => (r.NodeId, Slot: Hours8.SlotOf(r.Start))))
        {
            var node = nodes.Single(n => n.NodeId == group.Key.NodeId);
            var start = group.Key.Slot == 0 ? At(0.5) : Hours8.SlotStart(group.Key.Slot);
            var capacity = node.Spec.CapacityAt(node.Plan.Slots[group.Key.Slot].Power, Hours8.SlotStart(group.Key.Slot + 1) - start);
            Assert.True(group.Sum(r => r.Work.Value) <= capacity.Value + 1e-3, $"{group.Key} overfilled");
        }
    }

    [Fact]
    public void Preview_JobBeforeSubmission_EstimatesAfterQueuedWorkWithEarlierDeadline()
    {
        var node = Node("A", Fill(8, 1), Fill(8, 40));
        var queued = Queued("other/0", hours: 2, deadline: At(3));
        var spec = new JobSpec("new", "cust", "sim", 2, new CoreSeconds(1800), At(8), new EurPerMwh(100), TimeSpan.FromMinutes(5));

        var estimate = TaskAssigner.Preview(Snapshot(At(0), [node], queued), spec, Options);

        // One core: the queued job holds 00:00-02:00, then the new job's two half-hour tasks follow.
        Assert.Equal("new", estimate.JobId);
        Assert.Equal(At(3), estimate.Completion);
        Assert.False(estimate.DeadlineAtRisk);
    }

    [Fact]
    public void WorkQueue_NodeGoesOffline_TaskRetriesFromCheckpointOnAnotherNode()
    {
        var queue = new WorkQueue(new JobValidator(["sim"]));
        var spec = new JobSpec("sim", "cust", "sim", 1, new CoreSeconds(3600), At(8), new EurPerMwh(100), TimeSpan.FromMinutes(12));
        var job = queue.Submit("j", spec, At(0)).Job!;
        NodeSnapshot[] Fleet(bool aOnline) => [Node("A", Fill(8, 1), Fill(8, 30), online: aOnline), Node("B", Fill(8, 1), Fill(8, 30))];

        var first = TaskAssigner.Assign(Snapshot(At(0), Fleet(true), [.. queue.Queued()]), Options);
        queue.Apply(first);
        var task = job.Tasks[0];
        Assert.Equal("A", task.NodeId);
        task.ReportCheckpoint("A", new CoreSeconds(1440), At(0.4));
        task.ReportProgress("A", new CoreSeconds(1700), At(0.47));
        queue.NodeLost("A", "went offline", At(0.5));
        var second = TaskAssigner.Assign(Snapshot(At(0.5), Fleet(false), [.. queue.Queued()]), Options);
        queue.Apply(second);

        Assert.Equal(TaskAction.Start, second.Task("j/0").Action);
        Assert.Equal("B", task.NodeId);
        Assert.Equal(1440, task.Progress.Value);
        Assert.Equal(2160, second.Task("j/0").Runs.Sum(r => r.Work.Value), 6);
        Assert.Equal("retry 2/3 from checkpoint at 40 % on node B", task.Reason.Text);
        Assert.Equal(At(0.5 + 0.6), job.Estimate!.Completion);
    }
}
