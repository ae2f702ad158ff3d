namespace GreenCompute.Web.Hosting;

/// <summary>
/// Settings of the web host (configuration section <see cref="SectionName"/>, or the short switches in
/// <see cref="WebArguments"/>). Every default works alone: loopback, embedded stores, the simulated fleet.
/// </summary>
internal sealed record WebOptions
{
    public const string SectionName = "GreenCompute";

    /// <summary>Where the web host listens when no --urls is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Simulated seconds per wall-clock second for the co-hosted fleet (60 = one simulated minute a second).</summary>
    public double Speed { get; init; } = 60;

    /// <summary>Simulated days of real data to run; the fleet stops (and says so) at the end.</summary>
    public double Days { get; init; } = 14;

    public int Buildings { get; init; } = 2;

    public int RoomsPerBuilding { get; init; } = 12;

    /// <summary>Fraction of the heat-backed capacity the NASA trace fills beside customers' own jobs.</summary>
    public double TraceLoad { get; init; } = 0.6;

    /// <summary>Folder of the real data; null = ../shared/data when present.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The accounts database (SQLite); null = greencompute-users.db in the current folder.</summary>
    public string? UsersFile { get; init; }

    /// <summary>Grain state (SQLite); null = a temporary file for this run.</summary>
    public string? StateFile { get; init; }

    /// <summary>Create demo accounts (one per role) on start and print their passwords. Never done unless asked.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>Tests step the fleet themselves (<see cref="CoHostedSilo.StepAsync"/>) instead of a paced background loop.</summary>
    public bool ManualClock { get; init; }

    /// <summary>Journal ledger epochs to a local file even when anvil is installed.</summary>
    public bool NoChain { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>
    /// The simulated agents call the grains directly instead of each keeping an MQTT connection (two loopback sockets
    /// per room in this one process: 10,000 rooms need a descriptor limit above 20,000); paired devices still use the broker.
    /// </summary>
    public bool InProcessAgents { get; init; }

    /// <summary>A separate silo's gateway (its --gateway-port), e.g. http://127.0.0.1:5090; null = co-host the silo.</summary>
    public string? SiloUrl { get; init; }

    /// <summary>The file with the gateway's bearer token (the silo's --gateway-token-file); null = greencompute-gateway.token.</summary>
    public string? SiloTokenFile { get; init; }

    /// <summary>How long a call to a separate silo may take before the page says the silo is unreachable.</summary>
    public double SiloTimeoutSeconds { get; init; } = 10;

    /// <summary>The embedded MQTT broker's loopback port for paired devices; 0 = any free port, -1 = no broker.</summary>
    public int MqttPort { get; init; } = 1883;
}
