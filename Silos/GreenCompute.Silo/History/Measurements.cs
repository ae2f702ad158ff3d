namespace GreenCompute.Silo.History;

/// <summary>The measurements, tags and fields the silo writes (InfluxDB line protocol; the same in both stores).</summary>
internal static class Measurements
{
    /// <summary>Tags node, site. Fields room_c, band_min_c, band_max_c, power_w, energy_wh (counter), energy_delta_wh, useful_wh, cpu, tasks.</summary>
    public const string Telemetry = "node_telemetry";

    /// <summary>Tags node, site, mode. Fields power_cap_w, tasks_started, reason (string).</summary>
    public const string Decision = "decision";

    /// <summary>Tag zone. Field eur_per_mwh.</summary>
    public const string Price = "price";

    /// <summary>Tag site. Field outdoor_c.</summary>
    public const string Weather = "weather";
}
