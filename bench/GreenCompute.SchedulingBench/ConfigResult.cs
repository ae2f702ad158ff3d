using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench;

/// <summary>
/// Every scheduler's run on one configuration (scenario, load, deadline factor), with the offered load and the
/// scenario's comfort floor (K·h too cold with every heater flat out, which no scheduler can beat).
/// </summary>
internal sealed record ConfigResult(
    string Zone,
    int ScenarioNumber,
    string ScenarioName,
    double Load,
    double Slack,
    double Days,
    double HeatBackedCores,
    double OfferedCores,
    int JobCount,
    double ComfortFloor,
    IReadOnlyList<RunResult> Runs)
{
    public string Label => $"{Zone} · load {Load:P0} · s = {Slack:0.##}";
}
