using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Jobs;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// Turns the NASA trace into the benchmark's job stream: <see cref="JobStream"/> scales submit times so that the
/// mean offered load is the target (busy cores), splits each job into min(processors, 16) single-core tasks and sets
/// deadline = submit + max(s × task run time, run time + minimum slack). Scaled up, the 92-day trace covers fewer
/// days than a season, so it is repeated back to back (copy k shifted by k × its scaled span) until the window is full.
/// </summary>
internal static class JobTiler
{
    public static IReadOnlyList<JobArrival> Build(
        JobTrace trace, DateTimeOffset start, DateTimeOffset end, double busyCores, int fleetCores, double slack, TimeSpan minimumSlack)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!(busyCores > 0) || fleetCores < 1)
        {
            throw new ArgumentException($"The offered load must be positive (got {busyCores:0.##} busy cores of {fleetCores}).");
        }

        var stream = new JobStream(trace, new JobStreamOptions
        {
            Start = start,
            TargetLoad = busyCores / fleetCores,
            FleetCores = fleetCores,
            DeadlineFactor = slack,
            MinimumSlack = minimumSlack,
            JobIdPrefix = "nasa",
        });
        var span = TimeSpan.FromSeconds(trace.Span.TotalSeconds * stream.TimeScale);
        if (span <= TimeSpan.Zero)
        {
            throw new ArgumentException("The job trace spans no time.", nameof(trace));
        }

        var jobs = new List<JobArrival>();
        for (var copy = 0; start + (span * copy) < end; copy++)
        {
            var shift = span * copy;
            foreach (var s in stream.All)
            {
                var submit = s.SubmitAt + shift;
                if (submit >= end)
                {
                    break;
                }

                jobs.Add(new JobArrival($"{s.JobId}#{copy}", submit, s.TaskCount, s.WorkPerTask.Value, s.Deadline + shift));
            }
        }

        return jobs;
    }
}
