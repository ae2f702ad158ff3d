namespace GreenCompute.SchedulingBench.Metrics;

/// <summary>
/// Deadline misses and bounded slowdown of jobs. A job counts once its deadline has passed by the end of the run,
/// or once it finished; a job still unfinished at the end with a later deadline is censored (left out).
/// Bounded slowdown = max(1, response ÷ max(runtime, 10 s)) with response = finish − submit (the end of the run for a
/// job that never finished), the usual definition with the 10 s bound (Feitelson).
/// </summary>
internal static class JobStatistics
{
    public static readonly TimeSpan SlowdownBound = TimeSpan.FromSeconds(10);

    public readonly record struct JobOutcome(DateTimeOffset Submit, DateTimeOffset Deadline, TimeSpan Runtime, DateTimeOffset? FinishedAt);

    public readonly record struct Summary(int Counted, int Missed, int Unfinished, double MissRate, double P95BoundedSlowdown, double MeanBoundedSlowdown);

    public static Summary Summarize(IEnumerable<JobOutcome> jobs, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var slowdowns = new List<double>();
        int counted = 0, missed = 0, unfinished = 0;
        foreach (var job in jobs)
        {
            if (job.FinishedAt is null && job.Deadline > end)
            {
                continue;
            }

            counted++;
            var finish = job.FinishedAt ?? end;
            if (job.FinishedAt is null)
            {
                unfinished++;
            }

            if (job.FinishedAt is null || job.FinishedAt > job.Deadline)
            {
                missed++;
            }

            slowdowns.Add(BoundedSlowdown(finish - job.Submit, job.Runtime));
        }

        return new Summary(
            counted,
            missed,
            unfinished,
            counted == 0 ? 0 : (double)missed / counted,
            Percentile(slowdowns, 0.95),
            slowdowns.Count == 0 ? 0 : slowdowns.Average());
    }

    public static double BoundedSlowdown(TimeSpan response, TimeSpan runtime) =>
        Math.Max(1, response.TotalSeconds / Math.Max(runtime.TotalSeconds, SlowdownBound.TotalSeconds));

    /// <summary>Nearest-rank percentile (the smallest value with at least q of the values at or below it); 0 when empty.</summary>
    public static double Percentile(List<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(q * values.Count);
        return values[Math.Clamp(rank - 1, 0, values.Count - 1)];
    }
}
