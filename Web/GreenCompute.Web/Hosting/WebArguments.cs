namespace GreenCompute.Web.Hosting;

/// <summary>
/// Short switches for the command line (<c>--speed 120</c>, <c>--seed-demo</c>) mapped onto configuration keys;
/// the long form (<c>--GreenCompute:Speed=120</c>) and environment variables (<c>GreenCompute__Speed</c>) work too.
/// </summary>
internal static class WebArguments
{
    public const string Usage = """
        Usage: dotnet run --project Web/GreenCompute.Web -- [options]
          --urls URL        where to listen (default http://127.0.0.1:5080)
          --speed X         simulated seconds per real second (default 60: a simulated minute each second)
          --days D          simulated days of real data to run (default 14)
          --buildings N     simulated buildings (default 2)
          --rooms N         rooms per building (default 12)
          --load F          NASA-trace load beside customers' jobs, fraction of heat-backed capacity (default 0.6)
          --data DIR        real data folder (default ../shared/data)
          --users FILE      accounts database (default greencompute-users.db)
          --state FILE      grain state (default: a temporary file)
          --seed-demo       create demo accounts (manager, customer, installer, host) and print their passwords
          --mqtt-port N     the embedded MQTT broker for paired and simulated devices (default 1883; 0 = any free port;
                            -1 = none for paired devices, the simulated agents get their own on a free port)
          --in-process      simulated agents call the grains directly, not over MQTT (large fleets: each MQTT agent
                            takes two sockets in this process); paired devices still use the broker
          --no-chain        journal ledger epochs locally even when anvil is installed
          --silo URL        use a separate silo through its gateway (the silo's --gateway-port) instead of co-hosting one;
                            the fleet options above then belong to the silo
          --silo-token-file FILE  the gateway's bearer token file (default greencompute-gateway.token)
        """;

    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--speed"] = $"{WebOptions.SectionName}:{nameof(WebOptions.Speed)}",
        ["--days"] = $"{WebOptions.SectionName}:{nameof(WebOptions.Days)}",
        ["--buildings"] = $"{WebOptions.SectionName}:{nameof(WebOptions.Buildings)}",
        ["--rooms"] = $"{WebOptions.SectionName}:{nameof(WebOptions.RoomsPerBuilding)}",
        ["--load"] = $"{WebOptions.SectionName}:{nameof(WebOptions.TraceLoad)}",
        ["--data"] = $"{WebOptions.SectionName}:{nameof(WebOptions.DataFolder)}",
        ["--users"] = $"{WebOptions.SectionName}:{nameof(WebOptions.UsersFile)}",
        ["--mqtt-port"] = $"{WebOptions.SectionName}:{nameof(WebOptions.MqttPort)}",
        ["--state"] = $"{WebOptions.SectionName}:{nameof(WebOptions.StateFile)}",
        ["--silo"] = $"{WebOptions.SectionName}:{nameof(WebOptions.SiloUrl)}",
        ["--silo-token-file"] = $"{WebOptions.SectionName}:{nameof(WebOptions.SiloTokenFile)}",
    };

    /// <summary>Turns the value-less flags into key=value pairs the configuration reader understands.</summary>
    public static string[] Normalize(IEnumerable<string> args) => [.. args.Select(a => a switch
    {
        "--seed-demo" => $"--{WebOptions.SectionName}:{nameof(WebOptions.SeedDemo)}=true",
        "--no-chain" => $"--{WebOptions.SectionName}:{nameof(WebOptions.NoChain)}=true",
        "--in-process" => $"--{WebOptions.SectionName}:{nameof(WebOptions.InProcessAgents)}=true",
        _ => a,
    })];
}
