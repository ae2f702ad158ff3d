using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Reporting;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Grains.Jobs;
using GreenCompute.Silo.Simulation;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Jobs;

/// <summary>
/// Customers' jobs for the pages and the API alike: submission through the job grain (the core's
/// <see cref="JobValidator"/> decides; every problem comes back by field and nothing is stored), quotes, status and
/// bills. A job belongs to the account that submitted it; anyone else gets null (404).
/// </summary>
internal sealed class JobService(ISiloAccess silo, UserStore users, Receipts.EpochIndex epochs)
{
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Workloads { get; } = ["cpu-burn", "monte-carlo-pi"];

    /// <summary>The spec, or the problems by field (API field names) when the request is incomplete.</summary>
    public (JobSpec? Spec, Dictionary<string, string[]> Errors) ToSpec(ClaimsPrincipal user, JobRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Missing(string field, string text) => errors[field] = [text];
        if (request.Tasks is null)
        {
            Missing("tasks", "give the number of tasks");
        }

        if (request.CpuSecondsPerTask is null)
        {
            Missing("cpuSecondsPerTask", "give the CPU-seconds each task needs");
        }

        if (request.Deadline is null)
        {
            Missing("deadline", "give a deadline (UTC, on the fleet's clock)");
        }

        if (request.MaxPriceEurPerMwh is null)
        {
            Missing("maxPriceEurPerMwh", "give the highest electricity price (EUR/MWh) the job may run at");
        }

        if (request.Workload is { } w && !Workloads.Contains(w))
        {
            Missing("workload", $"unknown workload '{w}' (known: {string.Join(", ", Workloads)})");
        }

        if (request.Name is { Length: > 120 })
        {
            Missing("name", "use at most 120 characters");
        }

        var spec = new JobSpec(
            request.Name?.Trim() ?? "",
            user.Identity?.Name ?? "",
            request.Workload ?? "",
            request.Tasks ?? 0,
            new CoreSeconds(request.CpuSecondsPerTask ?? 0),
            request.Deadline ?? DateTimeOffset.MinValue,
            new EurPerMwh(request.MaxPriceEurPerMwh ?? 0),
            CheckpointInterval);
        var validation = new JobValidator(Workloads).Validate(spec, silo.Now);
        foreach (var problem in validation.Problems)
        {
            var field = ApiField(problem.Field);
            if (!errors.ContainsKey(field))
            {
                errors[field] = [problem.Text];
            }
        }

        return (errors.Count == 0 ? spec : null, errors);
    }

    public async Task<(string? JobId, Dictionary<string, string[]> Errors)> SubmitAsync(ClaimsPrincipal user, JobRequest request)
    {
        var (spec, errors) = ToSpec(user, request);
        if (spec is null)
        {
            return (null, errors);
        }

        var jobId = "job-" + Guid.NewGuid().ToString("N")[..12];
        var result = await silo.Grains.GetGrain<IJobGrain>(jobId).Submit(spec);
        if (!result.Accepted)
        {
            return (null, result.Problems.GroupBy(p => ApiField(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Text).ToArray()));
        }

        users.AddJob(jobId, Access.UserId(user), silo.Now);
        return (jobId, errors);
    }

    public async Task<JobQuote> QuoteAsync(JobSpec spec)
    {
        var bill = JobBill.For(new CoreSeconds(spec.TaskCount * spec.CpuSecondsPerTask.Value), silo.Heater, HostTariff.Default);
        var estimate = await silo.Scheduler.PreviewJob(spec);
        return new JobQuote(bill.Work.CoreHours, bill.Energy.Value / 1000, bill.Price.Value, estimate?.Completion, estimate?.DeadlineAtRisk ?? false,
            estimate?.Reason.Text ?? "no plan yet: the first planning round has not run");
    }

    public async Task<JobView?> GetAsync(ClaimsPrincipal user, string jobId)
    {
        if (users.JobOwner(jobId) is not { } owner || owner != Access.UserId(user)
            || await silo.Scheduler.GetJob(jobId) is not { } status)
        {
            return null;
        }

        var tasks = await silo.Scheduler.GetTasks(jobId);
        var bill = JobBill.For(status.Done, silo.Heater, HostTariff.Default);
        return new JobView(
            status.JobId, status.Name, status.Cancelled ? "cancelled" : status.State.ToString().ToLowerInvariant(), status.Reason,
            status.Tasks, status.TasksCompleted, status.TasksRunning, status.TasksFailed,
            JobViews.Percent(status.Done.Value, status.Work.Value),
            status.SubmittedAt, status.Deadline, status.EstimatedCompletion, status.FinishedAt,
            new JobBillView(bill.Work.CoreHours, bill.Energy.Value / 1000, bill.HeatReleased.Value / 1000, bill.Price.Value,
                string.Create(CultureInfo.InvariantCulture, $"{HostTariff.Default.WorkPricePerCoreHour.Value:0.###} EUR per core-hour done; energy is the heaters' power above idle per busy core, all released as room heat")),
            [.. tasks.Select(t => new JobTaskView(t.TaskId, t.State.ToString().ToLowerInvariant(), JobViews.Percent(t.ProgressCoreSeconds, t.WorkCoreSeconds), t.NodeId, t.Reason,
                t.State == WorkTaskState.Completed ? SimulatedDevices.OutputHash(t.TaskId) : null))],
            await ReceiptsAsync(tasks));
    }

    /// <summary>The receipts of the nodes that completed the job's tasks, by (epoch, node) of each completion.</summary>
    private async Task<ImmutableArray<JobReceiptView>> ReceiptsAsync(ImmutableArray<Grains.Scheduling.TaskStatus> tasks)
    {
        var receipts = ImmutableArray.CreateBuilder<JobReceiptView>();
        // A completed task no longer names its node: the epoch index says whose signed receipt lists it (built once per
        // closed epoch), so a bill asks the ledger only for the receipts that cover its tasks.
        var completed = tasks.Where(t => t.State == WorkTaskState.Completed).ToList();
        foreach (var epoch in completed.Select(t => EpochClock.Hourly.EpochOf(t.ChangedAt)).Distinct().Order())
        {
            var ids = completed.Where(t => EpochClock.Hourly.EpochOf(t.ChangedAt) == epoch).Select(t => t.TaskId).ToList();
            var index = await epochs.GetAsync(epoch);
            var found = false;
            foreach (var node in ids.Where(id => index?.NodeOfTask.ContainsKey(id) == true).GroupBy(id => index!.NodeOfTask[id], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (await silo.Ledger.GetReceiptProof(epoch, node.Key) is not { } proof)
                {
                    continue;
                }

                found = true;
                receipts.Add(new JobReceiptView(epoch, node.Key, Hex(proof.Leaf), Hex(proof.Root), [.. proof.Proof.Select(Hex)], proof.Commit?.Reference, [.. node]));
            }

            if (!found)
            {
                receipts.Add(new JobReceiptView(epoch, "", null, null, [], null, [.. ids]));
            }
        }

        return receipts.ToImmutable();
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Cancels the caller's job: null when there is no such job of theirs, else the refusal (already ended) or "".</summary>
    public async Task<string?> CancelAsync(ClaimsPrincipal user, string jobId)
    {
        if (users.JobOwner(jobId) is not { } owner || owner != Access.UserId(user))
        {
            return null;
        }

        var result = await silo.Scheduler.CancelJob(jobId);
        return result.Applied ? "" : result.Rejection ?? "the job cannot be cancelled";
    }

    public async Task<ImmutableArray<JobView>> ListAsync(ClaimsPrincipal user)
    {
        var views = ImmutableArray.CreateBuilder<JobView>();
        foreach (var jobId in users.JobsOf(Access.UserId(user)))
        {
            if (await GetAsync(user, jobId) is { } view)
            {
                views.Add(view);
            }
        }

        return views.ToImmutable();
    }

    private static string ApiField(string coreField) => coreField switch
    {
        nameof(JobSpec.Name) => "name",
        nameof(JobSpec.Workload) => "workload",
        nameof(JobSpec.TaskCount) => "tasks",
        nameof(JobSpec.CpuSecondsPerTask) => "cpuSecondsPerTask",
        nameof(JobSpec.Deadline) => "deadline",
        nameof(JobSpec.MaxPrice) => "maxPriceEurPerMwh",
        _ => char.ToLowerInvariant(coreField[0]) + coreField[1..],
    };
}
