using System.Globalization;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>
/// Energy from Linux RAPL powercap (<c>{root}/class/powercap/intel-rapl:N/energy_uj</c>, package domains only). The
/// counter wraps at <c>max_energy_range_uj</c>: a reading below the previous one adds the range back. The first read only
/// sets the baseline, so energy counts from the agent's start.
/// </summary>
internal sealed class RaplEnergyReader
{
    private readonly List<(string EnergyFile, long Range)> _domains;
    private readonly long?[] _last;
    private double _totalMicrojoules;

    private RaplEnergyReader(List<(string, long)> domains)
    {
        _domains = domains;
        _last = new long?[domains.Count];
    }

    public IReadOnlyList<string> Domains => [.. _domains.Select(d => d.EnergyFile)];

    /// <summary>The package domains under <paramref name="sysRoot"/> (e.g. "/sys"), or null when there is no readable one.</summary>
    public static RaplEnergyReader? Open(string sysRoot)
    {
        var folder = Path.Combine(sysRoot, "class", "powercap");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var domains = new List<(string, long)>();
        // Top-level zones (intel-rapl:0, intel-rapl:1) are packages; sub-zones (intel-rapl:0:0) are parts of them.
        foreach (var zone in Directory.GetDirectories(folder, "intel-rapl:*").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(zone).Count(c => c == ':') != 1)
            {
                continue;
            }

            var energy = Path.Combine(zone, "energy_uj");
            if (TryReadLong(energy) is not null && TryReadLong(Path.Combine(zone, "max_energy_range_uj")) is { } range && range > 0)
            {
                domains.Add((energy, range));
            }
        }

        return domains.Count == 0 ? null : new RaplEnergyReader(domains);
    }

    /// <summary>Joules since the first read, summed over packages, wraparound included.</summary>
    public double ReadJoules()
    {
        for (var i = 0; i < _domains.Count; i++)
        {
            var (file, range) = _domains[i];
            if (TryReadLong(file) is not { } now)
            {
                continue;
            }

            if (_last[i] is { } last)
            {
                _totalMicrojoules += now >= last ? now - last : now + (range - last);
            }

            _last[i] = now;
        }

        return _totalMicrojoules / 1e6;
    }

    private static long? TryReadLong(string file)
    {
        try
        {
            return long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // energy_uj is root-only on kernels since 5.10 (CVE-2020-8694): unreadable means absent for us.
            return null;
        }
    }
}
