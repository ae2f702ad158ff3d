using GreenCompute.Core.Comfort;
using GreenCompute.SchedulingBench.Setup;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// The identical inputs every scheduler of one configuration gets: the fleet (same seed, same rooms), weather,
/// prices, comfort schedule and job stream, the window and the physics step.
/// </summary>
internal sealed record RunInputs(
    BenchScenario Scenario,
    FleetOptions Fleet,
    WeatherSeries Weather,
    PriceForecast Prices,
    ComfortSchedule Comfort,
    IReadOnlyList<JobArrival> Jobs,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan Step)
{
    /// <summary>Planning rounds and the baselines' control period: 15 min, aligned to the window start.</summary>
    public static readonly TimeSpan Round = TimeSpan.FromMinutes(15);

    public TimeSpan LocalOffset => Fleet.LocalOffset;
}
