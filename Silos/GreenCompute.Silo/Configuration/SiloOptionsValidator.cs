namespace GreenCompute.Silo.Configuration;

/// <summary>Checks settings before anything starts; the first problem stops start-up with one message.</summary>
internal static class SiloOptionsValidator
{
    public static readonly IReadOnlyList<string> KnownZones = ["BE", "FR", "DE", "NP"];

    public static void Validate(SiloOptions o)
    {
        Require(o.Buildings is >= 1 and <= 10_000, "--buildings", $"{o.Buildings} is out of range.", "use 1 to 10,000 buildings.");
        Require(o.RoomsPerBuilding is >= 1 and <= 10_000, "--rooms", $"{o.RoomsPerBuilding} is out of range.", "use 1 to 10,000 rooms per building.");
        Require(o.Days > 0 && o.Days <= 365, "--days", $"{o.Days} is out of range.", "simulate more than 0 and at most 365 days.");
        Require(o.Speed >= 0, "--speed", $"{o.Speed} is negative.", "use 0 (as fast as possible) or a positive speed-up.");
        Require(o.DayMinCelsius < o.DayMaxCelsius, "--day-band", $"the band {o.DayMinCelsius}-{o.DayMaxCelsius} °C is inverted or empty.", "give MIN below MAX, e.g. 20-23.");
        Require(o.NightMinCelsius < o.NightMaxCelsius, "--night-band", $"the band {o.NightMinCelsius}-{o.NightMaxCelsius} °C is inverted or empty.", "give MIN below MAX, e.g. 17-23.");
        Require(o.DayMinCelsius is >= 5 and <= 35 && o.DayMaxCelsius <= 35, "--day-band", "a comfort band must lie within 5-35 °C.", "use e.g. 20-23.");
        Require(o.NightMinCelsius is >= 5 and <= 35 && o.NightMaxCelsius <= 35, "--night-band", "a comfort band must lie within 5-35 °C.", "use e.g. 17-23.");
        Require(o.HeaterMaxWatts > 0, "--heater-max", $"{o.HeaterMaxWatts} W is not a positive power.", "give the heater's maximum power in W, e.g. 1000.");
        Require(o.HeaterIdleWatts >= 0, "--heater-idle", $"{o.HeaterIdleWatts} W is negative.", "give the idle power in W, e.g. 80.");
        Require(o.HeaterIdleWatts < o.HeaterMaxWatts, "--heater-idle", $"idle power {o.HeaterIdleWatts} W is not below the maximum {o.HeaterMaxWatts} W.", "give an idle power below --heater-max.");
        Require(o.HeaterCores is >= 1 and <= 1024, "--cores", $"{o.HeaterCores} is out of range.", "use 1 to 1,024 cores.");
        Require(o.TargetLoad is > 0 and <= 2, "--load", $"{o.TargetLoad} is out of range.", "use a fraction above 0, e.g. 0.6.");
        Require(o.DeadlineSlack >= 1, "--slack", $"{o.DeadlineSlack} is below 1: deadlines would pass before the work can finish.", "use 1 or more, e.g. 3.");
        if (o.GatewayPort is { } gateway)
        {
            Require(gateway is >= 0 and <= 65535, "--gateway-port", $"{gateway} is not a port.", "use 1 to 65535, or 0 for a free port.");
        }

        if (o.PriceZone is not null)
        {
            Require(KnownZones.Contains(o.PriceZone), "--zone", $"'{o.PriceZone}' is not a known price zone.", $"use one of {string.Join(", ", KnownZones)}.");
        }

        if (o.DataFolder is not null)
        {
            Require(Directory.Exists(o.DataFolder), "--data", $"the folder '{o.DataFolder}' does not exist.", "point --data at the folder with the weather, price and job files, or leave it out to use ../shared/data.");
        }

        if (o.AnvilPath is not null)
        {
            Require(File.Exists(o.AnvilPath), "--anvil", $"'{o.AnvilPath}' does not exist.", "point --anvil at the anvil binary, or leave it out (then epochs are journaled when anvil is not found).");
        }

        if (o.StateFile is not null)
        {
            // A simulated run starts at the scenario's beginning; old grain state would reject its telemetry as replays.
            Require(!File.Exists(o.StateFile), "--state", $"the file '{o.StateFile}' already exists and a simulated run cannot continue an earlier run's state.", "give a new file name, or delete the old file.");
        }

        Require(!(o.InProcess && o.BrokerUrl is not null), "--broker", "an external broker and --in-process exclude each other.", "leave out one of them.");
        Require(!string.IsNullOrWhiteSpace(o.InfluxDatabase), "--influx-db", "the database name is empty.", "give a name, e.g. --influx-db greencompute.");
        Require(!string.IsNullOrWhiteSpace(o.ReportFile), "--report", "the report file name is empty.", "give a file name, e.g. --report report.md.");
    }

    private static void Require(bool condition, string setting, string problem, string fix)
    {
        if (!condition)
        {
            throw new ConfigurationException(setting, problem, fix);
        }
    }
}
