namespace GreenCompute.Silo.Configuration;

/// <summary>
/// Settings of the one-process silo run. Every default works alone: embedded stores, simulated fleet,
/// the real data in ../shared/data when present.
/// </summary>
internal sealed record SiloOptions
{
    /// <summary>Folder with the real weather, price and job-trace files; null = look for ../shared/data.</summary>
    public string? DataFolder { get; init; }

    public int Buildings { get; init; } = 2;

    public int RoomsPerBuilding { get; init; } = 12;

    /// <summary>Simulated days to run.</summary>
    public double Days { get; init; } = 2;

    /// <summary>Simulated seconds per wall-clock second; 0 = as fast as possible.</summary>
    public double Speed { get; init; } = 2880;

    /// <summary>Day-ahead price zone (BE, FR, DE, NP); null = the scenario's default.</summary>
    public string? PriceZone { get; init; }

    /// <summary>Comfort band in the day, °C.</summary>
    public double DayMinCelsius { get; init; } = 20;

    public double DayMaxCelsius { get; init; } = 23;

    /// <summary>Night setback band, °C.</summary>
    public double NightMinCelsius { get; init; } = 17;

    public double NightMaxCelsius { get; init; } = 23;

    /// <summary>Heater maximum power, W (all of it becomes heat).</summary>
    public double HeaterMaxWatts { get; init; } = 1000;

    public double HeaterIdleWatts { get; init; } = 80;

    public int HeaterCores { get; init; } = 16;

    /// <summary>Grain state file (SQLite); null = a new file in a temporary folder for this run.</summary>
    public string? StateFile { get; init; }

    /// <summary>Telemetry history (embedded SQLite store), kept after the run; null = in the run's temporary folder.</summary>
    public string? HistoryFile { get; init; }

    /// <summary>Write the history to an InfluxDB 1.x server instead of the embedded store.</summary>
    public Uri? InfluxUrl { get; init; }

    public string InfluxDatabase { get; init; } = "greencompute";

    /// <summary>The anvil binary; null = look for it (ANVIL_PATH, then tools/test-servers above the current and base folders).</summary>
    public string? AnvilPath { get; init; }

    /// <summary>Journal epochs to a local file even when anvil is installed.</summary>
    public bool NoChain { get; init; }

    /// <summary>The epoch journal when no chain is used; null = in the run's temporary folder.</summary>
    public string? LedgerJournal { get; init; }

    /// <summary>Where the final report is written.</summary>
    public string ReportFile { get; init; } = "greencompute-report.md";

    /// <summary>Fraction of the heat-backed core capacity that the job stream aims to fill.</summary>
    public double TargetLoad { get; init; } = 0.6;

    /// <summary>Deadline slack: deadline = submit + s × runtime.</summary>
    public double DeadlineSlack { get; init; } = 3;

    public int Seed { get; init; } = 42;

    /// <summary>
    /// Connect the simulated agents to the grains by direct calls (the old path) instead of over MQTT through a broker.
    /// </summary>
    public bool InProcess { get; init; }

    /// <summary>An external MQTT broker (mqtt://host:port, e.g. Mosquitto) instead of the embedded one; null = embedded.</summary>
    public Uri? BrokerUrl { get; init; }

    /// <summary>The gateway for web hosts on 127.0.0.1 at this port (0 = a free port); null = no gateway.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>The gateway's bearer token file; created with a new random token when missing.</summary>
    public string GatewayTokenFile { get; init; } = Gateway.GatewayToken.DefaultFile;

    /// <summary>Redraw the live summary in place (a terminal) or print a line per period (a log).</summary>
    public bool Live { get; init; } = !Console.IsOutputRedirected;
}
