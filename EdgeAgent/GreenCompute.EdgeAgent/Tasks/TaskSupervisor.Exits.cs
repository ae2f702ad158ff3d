using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Receipts;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>The running side of <see cref="TaskSupervisor"/>: protocol lines become events; an exit becomes the task's final state.</summary>
internal sealed partial class TaskSupervisor
{
    private Task OnLineAsync(RunningTask task, TaskProcessLine line)
    {
        switch (line.Kind)
        {
            case "progress" when line.Total > 0:
                task.Total = line.Total;
                task.Done = task.Plan.TotalCoreSeconds * line.Done / line.Total;
                if (time.GetUtcNow() - task.LastProgress >= ProgressEvery)
                {
                    task.LastProgress = time.GetUtcNow();
                    events.Emit(task.Plan.TaskId, TaskEventKind.Progress, task.Done);
                }

                break;
            case "checkpointed":
                var done = task.Total > 0 ? task.Plan.TotalCoreSeconds * line.Done / task.Total : task.Done;
                table.SetState(task.Plan.TaskId, TaskTable.Running, done);
                events.Emit(task.Plan.TaskId, TaskEventKind.Checkpointed, done);
                break;
            case "completed":
                task.OutputHash = line.Hash;
                break;
        }

        return Task.CompletedTask;
    }

    private async Task WatchAsync(RunningTask task)
    {
        var exit = await task.Process.Exited.ConfigureAwait(false);
        limiter.Remove(task.Process.Id);
        lock (_lock)
        {
            _running.Remove(task.Plan.TaskId);
        }

        var id = task.Plan.TaskId;
        TaskEventKind kind;
        if (task.Stopping)
        {
            task.Process.Dispose();
            return;
        }
        else if (task.CancelRequested)
        {
            kind = TaskEventKind.Cancelled;
            table.SetState(id, TaskTable.Cancelled, task.Done);
            events.Emit(id, kind, task.Done, "cancelled by command");
        }
        else if (exit == KernelProgram.ExitPaused && task.Leaving && !task.PauseRequested)
        {
            // The cap dropped: the task left its core at a checkpoint and waits for one again, in its old place.
            var done = table.Find(id)?.DoneCoreSeconds ?? task.Done;
            table.SetState(id, TaskTable.Running, done);
            Enqueue(task.Plan, done, resumed: true, task.Deadline, task.Order);
            task.Process.Dispose();
            await PumpAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }
        else if (exit == KernelProgram.ExitPaused)
        {
            kind = TaskEventKind.Paused;
            var done = table.Find(id)?.DoneCoreSeconds ?? task.Done;
            table.SetState(id, TaskTable.Paused, done);
            events.Emit(id, kind, done, "paused after checkpoint");
        }
        else if (exit == 0)
        {
            kind = await CompleteAsync(task).ConfigureAwait(false);
        }
        else
        {
            kind = TaskEventKind.Failed;
            Fail(task.Plan, task.Done, $"exit code {exit}: {task.Process.ErrorTail.Trim()}");
        }

        task.Process.Dispose();
        Settled?.Invoke(id, kind);
        // A core is free: the next waiting task gets it.
        await PumpAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<TaskEventKind> CompleteAsync(RunningTask task)
    {
        var id = task.Plan.TaskId;
        var output = Path.Combine(task.Plan.Folder, KernelProgram.OutputFile);
        if (!File.Exists(output))
        {
            Fail(task.Plan, task.Done, "exited 0 without an output file");
            return TaskEventKind.Failed;
        }

        var hash = ReceiptPublisher.Sha256Hex(await File.ReadAllBytesAsync(output).ConfigureAwait(false));
        string? detail = null;
        if (content is not null)
        {
            try
            {
                await content.UploadAsync(output, CancellationToken.None).ConfigureAwait(false);
                detail = "output uploaded";
            }
            catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException)
            {
                // The hash is the result's identity: the event still says it; the file stays in the task folder.
                detail = $"output kept in {task.Plan.Folder}: upload failed ({error.Message})";
            }
        }

        table.SetState(id, TaskTable.Completed, task.Plan.TotalCoreSeconds);
        events.Emit(id, TaskEventKind.Completed, task.Plan.TotalCoreSeconds, detail, hash);
        receipts?.TaskCompleted(time.GetUtcNow(), task.Plan.JobId, id, task.Plan.TotalCoreSeconds * task.Plan.Cores, hash);
        return TaskEventKind.Completed;
    }

    private void Fail(TaskPlan plan, double done, string reason)
    {
        table.Upsert(plan, TaskTable.Failed, done);
        events.Emit(plan.TaskId, TaskEventKind.Failed, done, reason);
        bool running;
        lock (_lock)
        {
            running = _running.ContainsKey(plan.TaskId);
        }

        if (!running)
        {
            // A launch that never started a process settles here; a process that failed settles in WatchAsync.
            Settled?.Invoke(plan.TaskId, TaskEventKind.Failed);
        }
    }

    private sealed class RunningTask(TaskPlan plan, double done)
    {
        public TaskPlan Plan { get; } = plan;

        public TaskProcess Process { get; set; } = null!;

        public double Done { get; set; } = done;

        public long Total { get; set; }

        public DateTimeOffset LastProgress { get; set; } = DateTimeOffset.MinValue;

        public string? OutputHash { get; set; }

        public bool PauseRequested { get; set; }

        public bool CancelRequested { get; set; }

        public bool Stopping { get; set; }

        public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

        /// <summary>Arrival order (ties between equal deadlines).</summary>
        public long Order { get; init; }

        /// <summary>Asked to leave its core at the next checkpoint because the cap dropped.</summary>
        public bool Leaving { get; set; }
    }
}
