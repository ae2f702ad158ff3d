using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Thermal;

/// <summary>A simulated room under a bang-bang thermostat with a daily outdoor swing, read by a noisy sensor.</summary>
internal static class NoisyRoom
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static List<ThermalSample> Simulate(
        RoomThermalModel truth, Watts heater, TimeSpan duration, TimeSpan interval, double sensorSigma, int seed)
    {
        var random = new Random(seed);
        var samples = new List<ThermalSample>();
        var room = 19.0;
        var on = false;
        for (var t = TimeSpan.Zero; t < duration; t += interval)
        {
            var hour = t.TotalHours % 24;
            var outdoor = 4 + (5 * Math.Sin(2 * Math.PI * (hour - 9) / 24));
            var setpoint = hour is >= 7 and < 22 ? 21.0 : 18.0;
            on = on ? room < setpoint + 0.5 : room < setpoint - 0.5;
            var power = on ? heater.Value : 0;
            samples.Add(new ThermalSample(
                Start + t,
                new Celsius(room + (sensorSigma * Gaussian(random))),
                new Celsius(outdoor + (0.2 * Gaussian(random))),
                new Watts(Math.Max(0, power + (5 * Gaussian(random))))));
            room = truth.Step(new Celsius(room), new Celsius(outdoor), new Watts(power), interval).Value;
        }

        return samples;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
