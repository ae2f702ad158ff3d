using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// Builds and solves one oracle window from perfect knowledge: each room's true 5R1C response (its replica, from the
/// mass temperature now), the real prices, weather and gains, the comfort band at every reading, and every job —
/// the queue, the work left on running tasks, and all arrivals to come before the window ends. Tasks are pooled by
/// (release hour, deadline hour) with their exact per-hour rate caps (a relaxation of the per-task limits).
/// </summary>
internal sealed class OraclePlanner(RunInputs inputs, IReadOnlyList<RoomReplica> replicas)
{
    /// <summary>EUR per K·h outside the band (about 200 times the cost of the heat that would prevent it).</summary>
    public const double ComfortPenalty = 1.0;

    /// <summary>EUR per core-hour left undone by its deadline: deadlines first, then comfort, then cost.</summary>
    public const double UnservedPenalty = 1.0;

    /// <summary>A task already late is given this long from the window's start.</summary>
    private static readonly TimeSpan LateGrace = TimeSpan.FromHours(2);

    public WindowSolution Plan(DateTimeOffset start, int hours, TaskBook book, IReadOnlyDictionary<string, double> runningRemaining)
    {
        ArgumentNullException.ThrowIfNull(book);
        var end = start.AddHours(hours);
        var prices = Enumerable.Range(0, hours).Select(t => inputs.Prices.Actual(start.AddHours(t)).Value).ToArray();
        var stepsPerHour = (int)Math.Round(TimeSpan.FromHours(1) / inputs.Step);
        var bands = Enumerable.Range(0, hours).Select(t =>
        {
            var first = inputs.Comfort.BandAt(start.AddHours(t) + inputs.Step);
            var last = inputs.Comfort.BandAt(start.AddHours(t + 1));
            return (first.Min.Value, first.Max.Value, last.Min.Value, last.Max.Value);
        }).ToArray();
        var heater = inputs.Fleet.Heater;
        var maxKw = heater.MaxPower.Value / 1000;
        var rooms = replicas.Select(replica =>
        {
            var maps = Enumerable.Range(0, hours).Select(t => HourMap.Compose(replica, start.AddHours(t), inputs.Step, stepsPerHour)).ToArray();
            return new RoomLp(maps, replica.Mass, bands, prices, maxKw, heater.Cores, ComfortPenalty);
        }).ToArray();

        var deferCost = prices.Average() / 1000 * maxKw / heater.Cores;
        var groups = Groups(start, end, hours, book, runningRemaining, deferCost);
        return OracleWindow.Solve(rooms, groups, UnservedPenalty);
    }

    private static List<JobGroup> Groups(
        DateTimeOffset start, DateTimeOffset end, int hours, TaskBook book, IReadOnlyDictionary<string, double> runningRemaining, double deferCost)
    {
        var pooled = new Dictionary<(int Release, int Deadline, bool Beyond), (double Work, double[] Caps)>();
        void Add(DateTimeOffset submit, DateTimeOffset deadline, double remainingSeconds)
        {
            if (remainingSeconds <= 0)
            {
                return;
            }

            var release = submit > start ? submit : start;
            if (deadline <= release)
            {
                deadline = start + LateGrace;
            }

            var key = ((int)Math.Floor((release - start).TotalHours), (int)Math.Min(hours, Math.Ceiling((deadline - start).TotalHours)), deadline > end);
            if (!pooled.TryGetValue(key, out var group))
            {
                group = (0, new double[hours]);
            }

            for (var t = key.Item1; t < Math.Min(hours, key.Item2); t++)
            {
                var from = Max(release, start.AddHours(t));
                var until = Min(deadline, Min(end, start.AddHours(t + 1)));
                group.Caps[t] += Math.Max(0, (until - from).TotalHours);
            }

            pooled[key] = (group.Work + (remainingSeconds / 3600), group.Caps);
        }

        foreach (var task in book.Waiting)
        {
            Add(task.SubmittedAt, task.Deadline, task.Remaining);
        }

        foreach (var (id, remaining) in runningRemaining)
        {
            if (book.Find(id) is { } task)
            {
                Add(task.SubmittedAt, task.Deadline, remaining);
            }
        }

        foreach (var job in book.Upcoming.TakeWhile(j => j.SubmitAt < end))
        {
            for (var i = 0; i < job.TaskCount; i++)
            {
                Add(job.SubmitAt, job.Deadline, job.WorkPerTask);
            }
        }

        return [.. pooled.Select(p => new JobGroup(p.Value.Work, p.Value.Caps, p.Key.Beyond ? deferCost : null))];
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
