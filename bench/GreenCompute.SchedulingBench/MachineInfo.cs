using System.Globalization;
using System.Runtime.InteropServices;

namespace GreenCompute.SchedulingBench;

/// <summary>One line on the machine: cores, CPU model, runtime, time and load average (the runs share the machine).</summary>
internal static class MachineInfo
{
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores ({Cpu()}), {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Load()}");

    private static string Cpu()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.OSArchitecture.ToString();
    }

    private static string Load()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3)) : "n/a";
    }
}
