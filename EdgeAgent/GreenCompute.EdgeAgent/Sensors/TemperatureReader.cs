using System.Globalization;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>
/// Device temperatures from <c>{root}/class/hwmon/hwmon*/temp*_input</c> and <c>{root}/class/thermal/thermal_zone*/temp</c>
/// (both millidegrees Celsius). Reports the hottest plausible one: these are CPU and board sensors, not the room.
/// </summary>
internal sealed class TemperatureReader(IReadOnlyList<string> files)
{
    public IReadOnlyList<string> Files => files;

    public static TemperatureReader? Open(string sysRoot)
    {
        var found = new List<string>();
        var hwmon = Path.Combine(sysRoot, "class", "hwmon");
        if (Directory.Exists(hwmon))
        {
            found.AddRange(Directory.GetDirectories(hwmon, "hwmon*").Order(StringComparer.Ordinal)
                .SelectMany(d => Directory.GetFiles(d, "temp*_input").Order(StringComparer.Ordinal)));
        }

        var thermal = Path.Combine(sysRoot, "class", "thermal");
        if (Directory.Exists(thermal))
        {
            found.AddRange(Directory.GetDirectories(thermal, "thermal_zone*").Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "temp")).Where(File.Exists));
        }

        var reader = new TemperatureReader(found);
        return found.Count > 0 && reader.ReadHottest() is not null ? reader : null;
    }

    /// <summary>The hottest reading between −40 and 150 °C, or null when none is readable.</summary>
    public double? ReadHottest()
    {
        double? hottest = null;
        foreach (var file in files)
        {
            try
            {
                if (long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli)
                    && milli / 1000.0 is var celsius and >= -40 and <= 150)
                {
                    hottest = Math.Max(hottest ?? double.MinValue, celsius);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A sensor that vanished (hot-unplug) or is root-only is skipped; the others still count.
                continue;
            }
        }

        return hottest;
    }
}
