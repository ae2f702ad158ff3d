using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.EdgeAgent.Sandbox;

namespace GreenCompute.EdgeAgent.Configuration;

/// <summary>
/// Everything the agent needs; defaults point at loopback and a local state folder so that
/// <c>dotnet run --project EdgeAgent/GreenCompute.EdgeAgent -- --node-id n1</c> works against a broker on 127.0.0.1:1883.
/// </summary>
internal sealed record AgentOptions
{
    /// <summary>Device key, credentials, SQLite file (outbox, counters, tasks) and task folders.</summary>
    public string StateFolder { get; init; } = Path.Combine(Environment.CurrentDirectory, "agent-state");

    /// <summary>Explicit identity (simulator, tests); without it the agent pairs or uses stored credentials.</summary>
    public string? NodeId { get; init; }

    public string BrokerHost { get; init; } = "127.0.0.1";

    public int BrokerPort { get; init; } = 1883;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Base URL of the pairing server (the Web host), e.g. http://127.0.0.1:5000.</summary>
    public Uri? PairingServer { get; init; }

    /// <summary>Base URL of the content store (the silo or Web host); inputs and outputs move there.</summary>
    public Uri? ContentServer { get; init; }

    /// <summary>"auto" (real sysfs sources where present, else the model) or "simulated".</summary>
    public string Sensors { get; init; } = "auto";

    public string SysRoot { get; init; } = "/sys";

    /// <summary>A cgroup v2 folder the agent may create its task cgroup in; null looks for the cgroup2 mount.</summary>
    public string? CgroupRoot { get; init; }

    public HeaterSpec Heater { get; init; } = new(16, new Watts(80), new Watts(1000));

    public Celsius OutdoorTemperature { get; init; } = new(5);

    public Celsius InitialRoomTemperature { get; init; } = new(19);

    public TimeSpan TelemetryPeriod { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReadingEvery { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<AllowedCommand> AllowedCommands { get; init; } = [];

    public SandboxPolicy Sandbox { get; init; } = new();

    /// <summary>EIP-712 receipt domain: chain id and ledger contract (journal mode: 31337 and the zero address).</summary>
    public long ChainId { get; init; } = 31337;

    public string LedgerAddress { get; init; } = "0x0000000000000000000000000000000000000000";

    public string TasksFolder => Path.Combine(StateFolder, "tasks");

    public string DatabaseFile => Path.Combine(StateFolder, "agent.db");
}
