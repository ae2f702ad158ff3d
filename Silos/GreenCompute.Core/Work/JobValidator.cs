using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace GreenCompute.Core.Work;

/// <summary>
/// Checks a <see cref="JobSpec"/> against the workloads the fleet can run and the clock, and reports every
/// problem at once (not just the first), so a customer can fix a submission in one go.
/// </summary>
public sealed class JobValidator(IEnumerable<string> knownWorkloads, int maxTaskCount = JobValidator.DefaultMaxTaskCount)
{
    public const int DefaultMaxTaskCount = 1_000_000;

    private readonly FrozenSet<string> _workloads = knownWorkloads.ToFrozenSet(StringComparer.Ordinal);

    public JobValidation Validate(JobSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = ImmutableArray.CreateBuilder<JobProblem>();

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            problems.Add(new(nameof(JobSpec.Name), "the job has no name"));
        }

        if (string.IsNullOrWhiteSpace(spec.CustomerId))
        {
            problems.Add(new(nameof(JobSpec.CustomerId), "the job names no customer"));
        }

        if (string.IsNullOrWhiteSpace(spec.Workload) || !_workloads.Contains(spec.Workload))
        {
            var known = string.Join(", ", _workloads.Order(StringComparer.Ordinal));
            problems.Add(new(nameof(JobSpec.Workload), $"unknown workload '{spec.Workload}' (known: {known})"));
        }

        if (spec.TaskCount <= 0)
        {
            problems.Add(new(nameof(JobSpec.TaskCount), "the job has no tasks"));
        }
        else if (spec.TaskCount > maxTaskCount)
        {
            problems.Add(new(nameof(JobSpec.TaskCount), string.Create(
                CultureInfo.InvariantCulture, $"{spec.TaskCount} tasks is more than the limit of {maxTaskCount} per job")));
        }

        var work = spec.CpuSecondsPerTask.Value;
        var workIsValid = double.IsFinite(work) && work > 0;
        if (!workIsValid)
        {
            problems.Add(new(nameof(JobSpec.CpuSecondsPerTask), "CPU time per task must be a positive number of core-seconds"));
        }

        if (spec.Deadline <= now)
        {
            problems.Add(new(nameof(JobSpec.Deadline), string.Create(
                CultureInfo.InvariantCulture, $"the deadline {spec.Deadline:yyyy-MM-dd HH:mm} is already past")));
        }
        else if (workIsValid && spec.Deadline - now < TimeSpan.FromSeconds(work))
        {
            // A task runs on one core, so even started now on an idle heater it needs its CPU time in wall time.
            problems.Add(new(nameof(JobSpec.Deadline), string.Create(
                CultureInfo.InvariantCulture,
                $"the deadline is {(spec.Deadline - now).TotalHours:0.##} h away but one task needs {work / 3600:0.##} h on a core")));
        }

        if (double.IsNaN(spec.MaxPrice.Value) || spec.MaxPrice.Value < 0)
        {
            problems.Add(new(nameof(JobSpec.MaxPrice), "the maximum price must not be negative"));
        }

        if (spec.CheckpointInterval <= TimeSpan.Zero)
        {
            problems.Add(new(nameof(JobSpec.CheckpointInterval), "the checkpoint interval must be positive"));
        }

        return problems.Count == 0
            ? new JobValidation([], new ValidatedJobSpec(spec, now))
            : new JobValidation(problems.ToImmutable(), null);
    }
}
