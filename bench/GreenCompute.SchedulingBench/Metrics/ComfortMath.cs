using GreenCompute.Core.Comfort;

namespace GreenCompute.SchedulingBench.Metrics;

/// <summary>Comfort arithmetic shared by the recorder and the tests, in °C and K.</summary>
internal static class ComfortMath
{
    /// <summary>The setpoint of the RMS metric: the band minimum plus this (where a thermostat holds the room).</summary>
    public const double SetpointAboveMinimum = 0.5;

    /// <summary>Kelvin below the band minimum or above its maximum; zero inside.</summary>
    public static double Violation(double temperature, ComfortBand band) =>
        temperature < band.Min.Value ? band.Min.Value - temperature
        : temperature > band.Max.Value ? temperature - band.Max.Value
        : 0;

    public static double Setpoint(ComfortBand band) => band.Min.Value + SetpointAboveMinimum;
}
