using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Setup;
using GreenCompute.SchedulingBench.Simulation;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Tests;

/// <summary>
/// Small runs on the simulator's labelled synthetic data (deterministic curves, no files): one building of a few
/// rooms, a short window, the benchmark's comfort schedule and heater, and jobs given by the test.
/// </summary>
internal static class BenchFixture
{
    public static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));

    private static readonly Lazy<SimulationData> Synthetic = new(() =>
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"gc-schedbench-{Guid.NewGuid():N}", "a", "b");
        var folder = DataFolder.Resolve(null, [nowhere]);
        Assert.True(folder.IsSynthetic);
        return folder.Load(Scenario.ForZone("DE") with { Length = TimeSpan.FromDays(10) });
    });

    public static DateTimeOffset Start => Synthetic.Value.Scenario.Start;

    public static SimulationData Data => Synthetic.Value;

    public static RunInputs Inputs(int rooms, TimeSpan length, IReadOnlyList<JobArrival>? jobs = null, TimeSpan? step = null)
    {
        var data = Synthetic.Value;
        var offset = PriceSeries.StandardOffset("DE");
        var fleet = new FleetOptions { Buildings = 1, RoomsPerBuilding = rooms, Seed = 3, Heater = Heater, PriceZone = "DE", LocalOffset = offset };
        return new RunInputs(
            BenchScenario.ForZone("DE", length),
            fleet,
            data.Weather,
            new PriceForecast(data.Prices, "DE"),
            ScenarioSetup.ComfortFor(offset),
            jobs ?? [],
            Start,
            Start + length,
            step ?? TimeSpan.FromMinutes(1));
    }

    public static JobArrival Job(string id, double submitMinutes, int tasks, double workSeconds, double deadlineMinutes) =>
        new(id, Start.AddMinutes(submitMinutes), tasks, workSeconds, Start.AddMinutes(deadlineMinutes));

    /// <summary>A fleet, book and controls for driving a policy by hand; sensor readings are set on the views.</summary>
    public static StepContext Context(RunInputs inputs, QueueOrder order)
    {
        var fleet = new SimulatedFleet(inputs.Fleet, inputs.Weather, inputs.Start);
        var book = new TaskBook(inputs.Jobs, fleet.Nodes.Count, order);
        var views = fleet.Nodes.Select((n, i) => new NodeView(i, n) { Temperature = new Celsius(21) }).ToArray();
        var context = new StepContext(inputs, views, new FleetControl(fleet, book)) { Now = inputs.Start, IsRound = true };
        book.Release(inputs.Start);
        return context;
    }
}
