using GreenCompute.Simulation.Data;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// One market and its weather, as the issue pairs them: scenario 1 is the DE 2017 prices with the NSRDB 2017 weather
/// of the same dates; scenario 2 is the mild PVGIS typical year with the BE or the FR prices (2016 window).
/// </summary>
internal sealed record BenchScenario(string Name, int Number, Scenario Scenario)
{
    public string Zone => Scenario.PriceZone;

    /// <summary>"DE" (scenario 1), "BE" or "FR" (scenario 2); "NP" is accepted as an extra.</summary>
    public static BenchScenario ForZone(string zone, TimeSpan length)
    {
        var scenario = Scenario.ForZone(zone) with { Length = length };
        return zone switch
        {
            "DE" => new BenchScenario("DE 2017 + NSRDB 2017", 1, scenario),
            "BE" or "FR" => new BenchScenario($"{zone} 2016 + PVGIS TMY", 2, scenario),
            "NP" => new BenchScenario("NP 2018 + PVGIS TMY", 3, scenario),
            _ => throw new ArgumentException($"Unknown scenario zone '{zone}': choose DE, BE, FR or NP.", nameof(zone)),
        };
    }
}
