using GreenCompute.Core.Comfort;
using GreenCompute.SchedulingBench.Simulation;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// Builds the identical inputs of every run of one scenario: 4 buildings × 8 rooms (±30 % thermal spread, seed 1,
/// the simulator's 1 kW / 16-core heater), the silo's comfort schedule with night setback (20–23 °C weekdays
/// 07–22 h and weekends 08–23 h local, 17–23 °C otherwise), the market's prices and paired weather, and the job
/// stream for a load and a deadline factor.
/// </summary>
internal sealed class ScenarioSetup
{
    private ScenarioSetup(BenchScenario scenario, SimulationData data, FleetOptions fleet, ComfortSchedule comfort, double heatCores)
    {
        Scenario = scenario;
        Data = data;
        Fleet = fleet;
        Comfort = comfort;
        HeatBackedCores = heatCores;
    }

    public BenchScenario Scenario { get; }

    public SimulationData Data { get; }

    public FleetOptions Fleet { get; }

    public ComfortSchedule Comfort { get; }

    /// <summary>Mean busy cores the rooms' heat demand carries over the window (see <see cref="HeatCapacity"/>).</summary>
    public double HeatBackedCores { get; }

    public int FleetCores => Fleet.Buildings * Fleet.RoomsPerBuilding * Fleet.Heater.Cores;

    public DateTimeOffset Start => Scenario.Scenario.Start;

    public DateTimeOffset End => Scenario.Scenario.End;

    public static ScenarioSetup Create(DataFolder folder, string zone, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var scenario = BenchScenario.ForZone(zone, length);
        var data = folder.Load(scenario.Scenario);
        var offset = PriceSeries.StandardOffset(zone);
        var fleet = new FleetOptions
        {
            Buildings = 4,
            RoomsPerBuilding = 8,
            Seed = 1,
            Heater = HeaterModels.Large1000,
            PriceZone = zone,
            LocalOffset = offset,
        };
        var comfort = ComfortFor(offset);
        var nodes = new SimulatedFleet(fleet, data.Weather, scenario.Scenario.Start).Nodes;
        var cores = HeatCapacity.BusyCores(nodes, data.Weather, comfort, scenario.Scenario.Start, scenario.Scenario.End, offset, fleet.SolarGains);
        return new ScenarioSetup(scenario, data, fleet, comfort, cores);
    }

    public static ComfortSchedule ComfortFor(TimeSpan utcOffset) =>
        new ComfortScheduleBuilder(utcOffset)
            .Setback(17, 23)
            .Occupied(ComfortDays.Weekdays, new TimeOnly(7, 0), new TimeOnly(22, 0), 20, 23)
            .Occupied(ComfortDays.Weekend, new TimeOnly(8, 0), new TimeOnly(23, 0), 20, 23)
            .Build();

    /// <summary>The inputs with no jobs at all (for the comfort floor).</summary>
    public RunInputs HeatOnlyInputs(TimeSpan step) =>
        new(Scenario, Fleet, Data.Weather, new PriceForecast(Data.Prices, Scenario.Zone), Comfort, [], Start, End, step);

    /// <summary>The inputs for one load (fraction of <see cref="HeatBackedCores"/>) and deadline factor.</summary>
    public RunInputs Inputs(double load, double slack, TimeSpan minimumSlack, TimeSpan step)
    {
        var jobs = JobTiler.Build(Data.Jobs, Start, End, load * HeatBackedCores, FleetCores, slack, minimumSlack);
        return new RunInputs(Scenario, Fleet, Data.Weather, new PriceForecast(Data.Prices, Scenario.Zone), Comfort, jobs, Start, End, step);
    }
}
