using GreenCompute.Core.Units;

namespace GreenCompute.Core.Reporting;

/// <summary>One line of an installer's commissioning checklist: passed, failed (with what to do) or still waiting.</summary>
public sealed record CommissioningCheck(string Name, bool? Passed, string Detail)
{
    /// <summary>Room temperatures a heated room's sensor can plausibly read, °C.</summary>
    public const double MinPlausibleCelsius = 5;
    public const double MaxPlausibleCelsius = 35;

    /// <summary>How far the device's clock may be from the silo's.</summary>
    public static readonly TimeSpan MaxClockOffset = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The checklist from the first telemetry: temperature plausible, a power reading present (a heater draws at least
    /// its idle power), and the device's clock within <see cref="MaxClockOffset"/> of the silo's. Before any report,
    /// every check waits (null).
    /// </summary>
    public static IReadOnlyList<CommissioningCheck> Evaluate(Celsius? temperature, Watts? power, DateTimeOffset? reportedAt, DateTimeOffset receivedAt)
    {
        if (reportedAt is null)
        {
            const string waiting = "waiting for the first telemetry report";
            return [new("Temperature plausible", null, waiting), new("Power reading present", null, waiting), new("Clock in sync", null, waiting)];
        }

        var offset = reportedAt.Value - receivedAt;
        return
        [
            temperature is { } t && t.Value is >= MinPlausibleCelsius and <= MaxPlausibleCelsius
                ? new("Temperature plausible", true, $"{t.Value:0.0} °C")
                : new("Temperature plausible", false, $"the sensor reads {temperature?.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} °C: check the sensor's placement and cable"),
            power is { } p && p.Value > 0
                ? new("Power reading present", true, $"{p.Value:0} W")
                : new("Power reading present", false, "no power drawn: check the power meter's wiring"),
            offset.Duration() <= MaxClockOffset
                ? new("Clock in sync", true, $"{offset.TotalSeconds:0} s from the silo's clock")
                : new("Clock in sync", false, $"{offset.TotalMinutes:0.#} min from the silo's clock: enable NTP on the device"),
        ];
    }
}
