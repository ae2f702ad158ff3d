using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Jobs;

/// <summary>
/// Turns a job trace into submissions in simulated time (split mode: each job becomes independent tasks, as
/// notes §5.1 suggests for Qarnot-style bags of tasks). The trace's offset 0 maps onto the scenario start; for the
/// NASA trace that is Friday 1993-10-01 00:00 US/Pacific, so its weekly pattern is not aligned to the scenario's.
/// </summary>
public sealed class JobStream
{
    private readonly List<JobSubmission> _submissions;
    private int _cursor;

    public JobStream(JobTrace trace, JobStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxTasksPerJob < 1 || options.CoresPerTask < 1 || !(options.DeadlineFactor >= 1))
        {
            throw new ArgumentException("MaxTasksPerJob and CoresPerTask must be ≥ 1 and DeadlineFactor ≥ 1.", nameof(options));
        }

        Options = options;
        TraceLoadCores = trace.Span > TimeSpan.Zero ? trace.Jobs.Sum(j => j.ProcessorSeconds) / trace.Span.TotalSeconds : 0;
        TimeScale = ScaleFor(options, TraceLoadCores);
        _submissions = [.. trace.Jobs
            .Select(j => ToSubmission(j, options, TimeScale))
            .OrderBy(s => s.SubmitAt)];
    }

    public JobStreamOptions Options { get; }

    /// <summary>The trace's own mean offered load in busy cores (processor-seconds per second over its span).</summary>
    public double TraceLoadCores { get; }

    /// <summary>The factor applied to submit offsets.</summary>
    public double TimeScale { get; }

    /// <summary>Mean offered load after scaling, in busy cores.</summary>
    public double OfferedLoadCores => TraceLoadCores / TimeScale;

    public IReadOnlyList<JobSubmission> All => _submissions;

    /// <summary>Submissions due by <paramref name="now"/> that were not returned before (a cursor, in submit order).</summary>
    public IReadOnlyList<JobSubmission> TakeDue(DateTimeOffset now)
    {
        var start = _cursor;
        while (_cursor < _submissions.Count && _submissions[_cursor].SubmitAt <= now)
        {
            _cursor++;
        }

        return _submissions.GetRange(start, _cursor - start);
    }

    /// <summary>Submissions with <paramref name="from"/> ≤ submit &lt; <paramref name="to"/>.</summary>
    public IEnumerable<JobSubmission> Between(DateTimeOffset from, DateTimeOffset to) =>
        _submissions.Where(s => s.SubmitAt >= from && s.SubmitAt < to);

    private static double ScaleFor(JobStreamOptions options, double traceLoad)
    {
        if (options.TargetLoad is not { } target)
        {
            return options.TimeScale > 0
                ? options.TimeScale
                : throw new ArgumentException("TimeScale must be positive.", nameof(options));
        }

        if (!(target > 0) || options.FleetCores < 1)
        {
            throw new ArgumentException("TargetLoad needs a positive load fraction and FleetCores ≥ 1.", nameof(options));
        }

        return traceLoad > 0 ? traceLoad / (target * options.FleetCores) : 1.0;
    }

    private static JobSubmission ToSubmission(TraceJob job, JobStreamOptions options, double scale)
    {
        var tasks = Math.Min(job.Processors, options.MaxTasksPerJob);
        var workPerTask = job.ProcessorSeconds / tasks;
        var taskRuntime = TimeSpan.FromSeconds(workPerTask / options.CoresPerTask);
        var submit = options.Start + TimeSpan.FromSeconds(job.SubmitOffset.TotalSeconds * scale);
        var window = TimeSpan.FromSeconds(Math.Max(
            options.DeadlineFactor * taskRuntime.TotalSeconds, (taskRuntime + options.MinimumSlack).TotalSeconds));
        return new JobSubmission(
            $"{options.JobIdPrefix}-{job.Id}",
            submit,
            tasks,
            options.CoresPerTask,
            new CoreSeconds(workPerTask),
            submit + window,
            job.Runtime,
            job.Processors);
    }
}
