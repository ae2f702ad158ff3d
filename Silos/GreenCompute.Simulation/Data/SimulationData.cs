namespace GreenCompute.Simulation.Data;

/// <summary>Everything a simulation run reads: prices, weather and jobs for one scenario, real or synthetic.</summary>
public sealed record SimulationData(
    Scenario Scenario,
    PriceSeries Prices,
    WeatherSeries Weather,
    JobTrace Jobs,
    bool IsSynthetic,
    string Notice);
