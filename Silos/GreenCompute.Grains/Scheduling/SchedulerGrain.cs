using System.Collections.Immutable;
using System.Diagnostics;
using GreenCompute.Actors;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Core.Work.Assignment;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Sites;
using AssignmentNode = GreenCompute.Core.Work.Assignment.NodeSnapshot;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A thin shell over <see cref="PowerPlanner"/> (in the node grains) and <see cref="TaskAssigner"/>.</summary>
internal sealed class SchedulerGrain(SchedulerOptions options) : Grain<SchedulerState>, ISchedulerGrain
{
    private readonly JobBook _book = new(new JobValidator(options.KnownWorkloads));
    private readonly JobValidator _validator = new(options.KnownWorkloads);
    private AssignmentSnapshot? _lastSnapshot;
    private TimeSpan _lastRoundDuration;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in State.Jobs)
        {
            _book.Restore(record);
        }

        if (options.AutoPlan)
        {
            var now = TimeProvider.GetUtcNow();
            var next = SlotStart(now) + options.PlanningPeriod;
            // Keep-alive: the scheduler must not be collected as idle between rounds.
            RegisterGrainTimer(async _ => await RunRound(), next - now, options.PlanningPeriod, keepAlive: true);
        }

        return Task.CompletedTask;
    }

    public async Task RegisterSite(SiteRegistration site)
    {
        State.Sites.RemoveAll(s => s.SiteId == site.SiteId);
        State.Sites.Add(site);
        await WriteStateAsync();
    }

    public Task UpdatePrices(PriceCurve curve)
    {
        State.Prices[curve.Zone] = curve;
        return Task.CompletedTask;
    }

    public Task UpdateWeather(OutdoorForecast forecast)
    {
        State.Weather[forecast.SiteId] = forecast;
        return Task.CompletedTask;
    }

    public async Task<JobSubmissionResult> SubmitJob(string jobId, JobSpec spec)
    {
        if (_book.Contains(jobId))
        {
            State.JobsRejected++;
            return JobSubmissionResult.Rejected(jobId, [new JobProblem("JobId", $"a job with id '{jobId}' already exists")]);
        }

        var validation = _validator.Validate(spec, TimeProvider.GetUtcNow());
        if (validation.Spec is null)
        {
            State.JobsRejected++;
            return JobSubmissionResult.Rejected(jobId, validation.Problems);
        }

        _book.Add(Job.Create(jobId, validation.Spec, TimeProvider.GetUtcNow()));
        await SaveAsync();
        return JobSubmissionResult.Queued(jobId);
    }

    public async Task<TransitionResult> CancelJob(string jobId)
    {
        if (_book.Find(jobId) is not { } job)
        {
            return TransitionResult.Rejected($"no job '{jobId}'");
        }

        var result = job.Cancel(TimeProvider.GetUtcNow());
        if (result.Applied)
        {
            await SaveAsync();
        }

        return result;
    }

    public Task<ImmutableArray<TaskStatus>> GetTasks(string jobId) =>
        Task.FromResult(_book.Find(jobId) is { } job
            ? [.. job.Tasks.Select(t => new TaskStatus(t.Id, t.State, t.Progress.Value, t.Work.Value, t.NodeId, t.StateChangedAt, t.Reason.Text))]
            : ImmutableArray<TaskStatus>.Empty);

    public Task<JobEstimate?> PreviewJob(JobSpec spec) =>
        Task.FromResult(_lastSnapshot is { } snapshot
            ? TaskAssigner.Preview(snapshot with { Now = TimeProvider.GetUtcNow() }, spec, options.Assigner)
            : null);

    public Task ReportTaskEvents(ImmutableArray<TaskEvent> events)
    {
        foreach (var e in events)
        {
            if (_book.FindTask(e.TaskId) is not { } task)
            {
                continue;
            }

            var result = e.Kind switch
            {
                TaskEventKind.Progress => task.ReportProgress(e.NodeId, e.Done, e.At),
                TaskEventKind.Checkpointed => task.ReportCheckpoint(e.NodeId, e.Done, e.At),
                TaskEventKind.Paused => task.ReportPaused(e.NodeId, e.Done, e.At),
                TaskEventKind.Completed => task.ReportCompleted(e.NodeId, e.At),
                TaskEventKind.Failed => task.ReportFailed(e.NodeId, e.Detail ?? "task failed", e.At),
                TaskEventKind.Cancelled => task.ReportCancelled(e.NodeId, e.At),
                _ => TransitionResult.Rejected($"unknown event {e.Kind}"),
            };
            if (result.Applied && e.Kind == TaskEventKind.Completed && e.At > _book.JobOf(task).Spec.Deadline)
            {
                State.TasksLateCompleted++;
            }
        }

        return Task.CompletedTask;
    }

    public async Task<RoundReport> RunRound()
    {
        var started = Stopwatch.GetTimestamp();
        var now = TimeProvider.GetUtcNow();
        var horizon = new PlanningHorizon(SlotStart(now), PlanningHorizon.DefaultSlotLength, options.HorizonSlots);
        var plans = await PlanAllAsync(horizon);

        var nodes = ImmutableArray.CreateBuilder<AssignmentNode>(plans.Length);
        foreach (var result in plans)
        {
            if (result.Plan is { } plan)
            {
                var switchedAt = State.NodeSwitchedAt.GetValueOrDefault(result.NodeId, DateTimeOffset.MinValue);
                nodes.Add(new AssignmentNode(result.NodeId, result.Heater, plan, result.Online, _book.RunningOn(result.NodeId, now), switchedAt));
            }
        }

        var snapshot = new AssignmentSnapshot(now, horizon, nodes.ToImmutable(), _book.Queue());
        var assignment = TaskAssigner.Assign(snapshot, options.Assigner);
        _lastSnapshot = snapshot with { Queue = [] };

        var (startedTasks, paused) = ApplyTaskDecisions(assignment, now);
        await SendCommandsAsync(assignment, plans, now);
        foreach (var estimate in assignment.Jobs)
        {
            _book.Find(estimate.JobId)?.ApplyEstimate(estimate);
        }

        State.Rounds++;
        await SaveAsync();
        _lastRoundDuration = Stopwatch.GetElapsedTime(started);
        return new RoundReport(
            now,
            plans.Count(p => p.Plan is not null),
            plans.Count(p => !p.Online),
            plans.Count(p => p.Plan is { Feasible: false }),
            startedTasks,
            paused,
            _lastRoundDuration);
    }

    public Task<SchedulerStatus> GetStatus()
    {
        var now = TimeProvider.GetUtcNow();
        int completed = 0, running = 0, waiting = 0, failed = 0, pastDeadline = 0;
        foreach (var job in _book.Jobs)
        {
            foreach (var task in job.Tasks)
            {
                switch (task.State)
                {
                    case WorkTaskState.Completed: completed++; break;
                    case WorkTaskState.Running: running++; break;
                    case WorkTaskState.Queued or WorkTaskState.Paused: waiting++; break;
                    default: failed++; break;
                }

                if (task.State is not WorkTaskState.Completed && now > job.Spec.Deadline)
                {
                    pastDeadline++;
                }
            }
        }

        return Task.FromResult(new SchedulerStatus(
            State.Rounds,
            _book.Count + State.JobsRejected,
            State.JobsRejected,
            _book.Jobs.Count(j => j.State == JobState.Completed),
            _book.Jobs.Count(j => j.State == JobState.Failed && j.CancelledAt is null),
            completed,
            running,
            waiting,
            failed,
            State.TasksLateCompleted,
            pastDeadline,
            _lastRoundDuration,
            [.. State.RecentReasons]));
    }

    public Task<JobStatus?> GetJob(string jobId) =>
        Task.FromResult(_book.Find(jobId) is { } job ? JobStatusOf(job) : null);

    private static JobStatus JobStatusOf(Job job) => new(
        job.Id,
        job.Spec.Name,
        job.State,
        job.Reason.Text,
        job.Tasks.Count,
        job.CompletedTasks,
        job.RunningTasks,
        job.Tasks.Count(t => t.State == WorkTaskState.Failed),
        job.Spec.CpuSecondsPerTask * job.Tasks.Count,
        job.Progress,
        job.SubmittedAt,
        job.Spec.Deadline,
        job.Estimate?.Completion,
        job.FinishedAt,
        job.CancelledAt is not null);

    private async Task<NodePlanResult[]> PlanAllAsync(PlanningHorizon horizon)
    {
        var calls = new List<Task<NodePlanResult>>();
        foreach (var site in State.Sites)
        {
            if (!State.Prices.TryGetValue(site.PriceZone, out var curve) || !State.Weather.TryGetValue(site.SiteId, out var weather))
            {
                Remember(horizon.Start, site.SiteId, $"not planned: no {(curve is null ? $"price curve for zone {site.PriceZone}" : "weather forecast")} yet");
                continue;
            }

            var prices = ImmutableArray.CreateBuilder<EurPerMwh>(horizon.SlotCount);
            var outdoor = ImmutableArray.CreateBuilder<Celsius>(horizon.SlotCount);
            for (var k = 0; k < horizon.SlotCount; k++)
            {
                prices.Add(curve.At(horizon.SlotStart(k)));
                outdoor.Add(weather.At(horizon.SlotStart(k)));
            }

            var request = new NodePlanRequest(horizon, prices.MoveToImmutable(), outdoor.MoveToImmutable());
            calls.AddRange(site.NodeIds.Select(id => GrainFactory.GetGrain<IHeaterNodeGrain>(id).Plan(request)));
        }

        return await Task.WhenAll(calls);
    }

    private (int Started, int Paused) ApplyTaskDecisions(AssignmentResult assignment, DateTimeOffset now)
    {
        int started = 0, paused = 0;
        foreach (var decision in assignment.Tasks)
        {
            if (_book.FindTask(decision.TaskId) is not { } task)
            {
                continue;
            }

            switch (decision.Action)
            {
                case TaskAction.Start when decision.NodeId is { } node:
                    if (task.Start(node, now, decision.Reason).Applied)
                    {
                        started++;
                    }

                    break;
                case TaskAction.Lost when task.NodeId is { } lostOn:
                    task.ReportFailed(lostOn, "its node went offline", now);
                    break;
                case TaskAction.PauseAfterCheckpoint:
                    paused++;
                    task.Explain(decision.Reason);
                    break;
                default:
                    task.Explain(decision.Reason);
                    break;
            }
        }

        return (started, paused);
    }

    private async Task SendCommandsAsync(AssignmentResult assignment, NodePlanResult[] plans, DateTimeOffset now)
    {
        var heaters = plans.ToDictionary(p => p.NodeId, p => p.Heater);
        var sends = new List<Task>(assignment.Nodes.Length);
        foreach (var decision in assignment.Nodes)
        {
            var computing = decision.Start.Length + decision.Keep.Length + decision.PauseAfterCheckpoint.Length > 0;
            var mode = computing ? HeaterMode.Computing
                : heaters.TryGetValue(decision.NodeId, out var heater) && decision.PowerCap > heater.IdlePower ? HeaterMode.HeatOnly
                : HeaterMode.Idle;
            if (computing != State.ComputingNodes.Contains(decision.NodeId))
            {
                State.NodeSwitchedAt[decision.NodeId] = now;
                _ = computing ? State.ComputingNodes.Add(decision.NodeId) : State.ComputingNodes.Remove(decision.NodeId);
            }

            var starts = decision.Start
                .Select(id => _book.FindTask(id))
                .OfType<WorkTask>()
                .Select(t => new TaskStart(t.Id, t.JobId, _book.JobOf(t).Spec.Workload, t.Checkpoint, t.Work - t.Checkpoint, 1, _book.JobOf(t).Spec.CheckpointInterval)
                {
                    Deadline = _book.JobOf(t).Spec.Deadline,
                })
                .ToImmutableArray();
            var command = new NodeCommand(decision.NodeId, now, decision.PowerCap, mode, starts, decision.PauseAfterCheckpoint, decision.Cancel, decision.Reason.Text);
            Remember(now, decision.NodeId, decision.Reason.Text);
            sends.Add(GrainFactory.GetGrain<IHeaterNodeGrain>(decision.NodeId).ApplyCommand(command));
        }

        await Task.WhenAll(sends);
    }

    private void Remember(DateTimeOffset at, string subject, string reason)
    {
        State.RecentReasons.Add($"{at:MM-dd HH:mm} {subject}: {reason}");
        var excess = State.RecentReasons.Count - options.RecentReasons;
        if (excess > 0)
        {
            State.RecentReasons.RemoveRange(0, excess);
        }
    }

    private async Task SaveAsync()
    {
        State.Jobs = [.. _book.Records()];
        await WriteStateAsync();
    }

    private DateTimeOffset SlotStart(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % options.PlanningPeriod.Ticks), TimeSpan.Zero);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        State.Jobs = [.. _book.Records()];
        return Task.CompletedTask;
    }
}
