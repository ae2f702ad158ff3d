using System.Collections.Immutable;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Bench.Planning;

/// <summary>
/// A fleet of heater-computers and a queue, as one planning round sees them: each node's room (UA and C ±30 %
/// around 42 W/K and 1.6 kWh/K, 18.5–21.5 °C now, the default office comfort schedule), its site's outdoor
/// temperature (the real day shifted ±2.5 K), the day's prices, and a 1,000 W / 16-core heater. Inputs are made
/// once; <see cref="Plan"/> is what a round does per node.
/// </summary>
internal sealed class BenchFleet
{
    public static readonly HeaterSpec Heater = new(16, new Watts(100), new Watts(1000));

    private readonly RoomThermalModel[] _models;
    private readonly Celsius[] _rooms;
    private readonly Celsius[][] _outdoor;
    private readonly EurPerMwh[] _prices;
    private readonly ComfortSchedule _schedule = ComfortSchedule.Default(TimeSpan.FromHours(1));

    public BenchFleet(int nodes, BenchCurves curves, PlanningHorizon horizon, int seed)
    {
        Horizon = horizon;
        var random = new Random(seed);
        _models = new RoomThermalModel[nodes];
        _rooms = new Celsius[nodes];
        _outdoor = new Celsius[nodes][];
        Ids = new string[nodes];
        _prices = [.. Enumerable.Range(0, horizon.SlotCount).Select(s => new EurPerMwh(BenchCurves.AtSlot(curves.HourlyPrices, s, horizon.SlotLength)))];
        for (var n = 0; n < nodes; n++)
        {
            Ids[n] = $"node-{n:D6}";
            _models[n] = new RoomThermalModel(new WattsPerKelvin(42 * Spread(random)), new WattHoursPerKelvin(1600 * Spread(random)));
            _rooms[n] = new Celsius(18.5 + (3 * random.NextDouble()));
            var shift = (5 * random.NextDouble()) - 2.5;
            _outdoor[n] = [.. Enumerable.Range(0, horizon.SlotCount)
                .Select(s => new Celsius(BenchCurves.AtSlot(curves.HourlyOutdoor, s, horizon.SlotLength) + shift))];
        }
    }

    public PlanningHorizon Horizon { get; }

    public string[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>Plans node <paramref name="n"/> and wraps the plan as the assigner's snapshot of an idle, online node.</summary>
    public NodeSnapshot Plan(int n)
    {
        var plan = PowerPlanner.Plan(Ids[n], Horizon, _models[n], _rooms[n], _schedule, _outdoor[n], _prices, Heater);
        return new NodeSnapshot(Ids[n], Heater, plan, true, ImmutableArray<RunningTask>.Empty, Horizon.Start.AddDays(-1));
    }

    /// <summary>
    /// <paramref name="count"/> queued single-core tasks in jobs of 100: work 10 min–4 h, deadlines 2–30 h from
    /// now; one job in five caps the price at 150 EUR/MWh (below the evening peak), the rest at 1,000.
    /// </summary>
    public static ImmutableArray<QueuedTask> Queue(int count, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var queue = ImmutableArray.CreateBuilder<QueuedTask>(count);
        for (var t = 0; t < count; t++)
        {
            var job = t / 100;
            var jobRandom = new Random(seed + job);
            var deadline = now.AddHours(2 + (28 * jobRandom.NextDouble()));
            var cap = new EurPerMwh(job % 5 == 0 ? 150 : 1000);
            var work = new CoreSeconds(600 + (random.NextDouble() * (4 * 3600 - 600)));
            queue.Add(new QueuedTask($"job{job}/{t % 100}", $"job{job}", work, deadline, cap, now.AddMinutes(-t % 600)));
        }

        return queue.MoveToImmutable();
    }

    private static double Spread(Random random) => 0.7 + (0.6 * random.NextDouble());
}
