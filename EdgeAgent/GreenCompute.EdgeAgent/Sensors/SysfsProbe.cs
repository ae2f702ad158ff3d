using System.Text;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>What this machine offers under a sysfs root: RAPL package domains, temperature files. For the `probe` command.</summary>
internal static class SysfsProbe
{
    public static string Describe(string sysRoot)
    {
        var text = new StringBuilder();
        var rapl = RaplEnergyReader.Open(sysRoot);
        text.AppendLine(rapl is null
            ? $"RAPL powercap: none readable under {sysRoot}/class/powercap (power and energy come from the heater model)"
            : $"RAPL powercap: {string.Join(", ", rapl.Domains)}");
        var temperatures = TemperatureReader.Open(sysRoot);
        text.AppendLine(temperatures is null
            ? $"hwmon / thermal zones: none readable under {sysRoot}/class"
            : $"hwmon / thermal zones: {temperatures.Files.Count} sensors, hottest {temperatures.ReadHottest():0.0} °C");
        return text.ToString();
    }
}
