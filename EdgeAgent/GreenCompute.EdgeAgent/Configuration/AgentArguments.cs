using System.Globalization;
using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.EdgeAgent.Sandbox;

namespace GreenCompute.EdgeAgent.Configuration;

/// <summary>Command-line options → <see cref="AgentOptions"/>; a bad value is an <see cref="ArgumentException"/> naming the option.</summary>
internal static class AgentArguments
{
    public const string Help = """
        GreenCompute EdgeAgent — the program on each heater-computer.

        Usage:
          GreenCompute.EdgeAgent [options]                  run (pairs first when it has no credentials)
          GreenCompute.EdgeAgent probe [--sysfs DIR]        what this machine offers: RAPL, hwmon, cgroup v2, sandbox
          GreenCompute.EdgeAgent kernel NAME --units N --dir DIR [--seed S] [--input FILE] [--checkpoint-seconds S]

        Identity (one of):
          --node-id ID --broker HOST:PORT [--username U --password P]   explicit (simulator, tests)
          --pair URL                                                     pair with the Web host (claim code + QR code)
          (stored credentials from an earlier pairing are used when present)

        Options:
          --state DIR             state folder: device key, credentials, agent.db, task folders (default ./agent-state)
          --content URL           content store base URL (inputs/outputs by SHA-256), e.g. http://127.0.0.1:5080
          --sensors auto|simulated  real sysfs sources where present (default) or the simulated room only
          --sysfs DIR             sysfs root (default /sys)
          --cgroup DIR            cgroup v2 folder for the task cgroup (default: the cgroup2 mount)
          --cores N --idle-power W --max-power W   the heater (default 16 cores, 80 W idle, 1000 W max)
          --outdoor C             simulated room's outdoor temperature (default 5)
          --telemetry-seconds S   telemetry period (default 10)
          --allow NAME=/abs/exe [args]   allow command workload cmd:NAME (repeatable)
          --sandbox-uid N --sandbox-gid N --sandbox-memory-mb N --sandbox-cpu-seconds N
          --chain-id N --ledger 0xADDRESS   EIP-712 receipt domain (default 31337, zero address)
        """;

    public static AgentOptions Parse(IReadOnlyList<string> args)
    {
        var o = new AgentOptions();
        var allowed = new List<AllowedCommand>();
        int cores = o.Heater.Cores;
        double idle = o.Heater.IdlePower.Value, max = o.Heater.MaxPower.Value;
        var sandbox = o.Sandbox;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--state": o = o with { StateFolder = Path.GetFullPath(Value()) }; break;
                case "--node-id":
                    var id = Value();
                    o = Grains.Messaging.Topics.IsValidLevel(id) ? o with { NodeId = id } : throw new ArgumentException($"--node-id '{id}' cannot be a topic level");
                    break;
                case "--broker":
                    var (host, port) = HostPort(Value());
                    o = o with { BrokerHost = host, BrokerPort = port };
                    break;
                case "--username": o = o with { UserName = Value() }; break;
                case "--password": o = o with { Password = Value() }; break;
                case "--pair": o = o with { PairingServer = BaseUri(name, Value()) }; break;
                case "--content": o = o with { ContentServer = BaseUri(name, Value()) }; break;
                case "--sensors":
                    var s = Value();
                    o = s is "auto" or "simulated" ? o with { Sensors = s } : throw new ArgumentException($"--sensors '{s}': use auto or simulated");
                    break;
                case "--sysfs": o = o with { SysRoot = Value() }; break;
                case "--cgroup": o = o with { CgroupRoot = Value() }; break;
                case "--cores": cores = (int)Number(name, Value(), 1, 4096); break;
                case "--idle-power": idle = Number(name, Value(), 0, 100_000); break;
                case "--max-power": max = Number(name, Value(), 1, 100_000); break;
                case "--outdoor": o = o with { OutdoorTemperature = new Celsius(Number(name, Value(), -40, 50)) }; break;
                case "--telemetry-seconds": o = o with { TelemetryPeriod = TimeSpan.FromSeconds(Number(name, Value(), 1, 3600)) }; break;
                case "--allow": allowed.Add(AllowedCommand.Parse(Value())); break;
                case "--sandbox-uid": sandbox = sandbox with { Uid = (int)Number(name, Value(), 1, int.MaxValue) }; break;
                case "--sandbox-gid": sandbox = sandbox with { Gid = (int)Number(name, Value(), 1, int.MaxValue) }; break;
                case "--sandbox-memory-mb": sandbox = sandbox with { MemoryBytes = (long)Number(name, Value(), 16, 1 << 20) << 20 }; break;
                case "--sandbox-cpu-seconds": sandbox = sandbox with { CpuSeconds = (long)Number(name, Value(), 1, 1e9) }; break;
                case "--chain-id": o = o with { ChainId = (long)Number(name, Value(), 1, long.MaxValue) }; break;
                case "--ledger":
                    var address = Value();
                    o = Ethereum.Hex.Address.TryParse(address, out _) ? o with { LedgerAddress = address } : throw new ArgumentException($"--ledger '{address}' is not an address");
                    break;
                default: throw new ArgumentException($"unknown option '{name}' (--help lists them)");
            }
        }

        if (idle >= max)
        {
            throw new ArgumentException($"--idle-power {idle} W must be below --max-power {max} W");
        }

        return o with { Heater = new HeaterSpec(cores, new Watts(idle), new Watts(max)), AllowedCommands = allowed, Sandbox = sandbox };
    }

    private static (string Host, int Port) HostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? (text[..colon], port)
            : throw new ArgumentException($"--broker '{text}': expected HOST:PORT");
    }

    private static Uri BaseUri(string name, string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{name} '{text}': expected an http(s) URL");

    private static double Number(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} '{text}': expected a number in {min}..{max}");
}
