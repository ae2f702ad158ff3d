using System.Globalization;

namespace GreenCompute.Silo.Configuration;

/// <summary>Parses the command line (`--name value` pairs) into <see cref="SiloOptions"/>.</summary>
internal static class SiloArguments
{
    public const string Usage = """
        Usage: dotnet run --project Silos/GreenCompute.Silo -- [options]
          --data DIR            real data folder (default: ../shared/data when present, else a synthetic profile)
          --buildings N         simulated buildings (default 2)
          --rooms N             rooms per building, one heater each (default 12)
          --days D              simulated days to run (default 2)
          --speed X             simulated seconds per real second, 0 = as fast as possible (default 2880)
          --zone Z              day-ahead price zone: BE, FR, DE, NP (default: the scenario's)
          --day-band MIN-MAX    comfort band in the day, °C (default 20-23)
          --night-band MIN-MAX  night setback band, °C (default 17-23)
          --heater-max W        heater maximum power (default 1000)
          --heater-idle W       heater idle power (default 80)
          --cores N             cores per heater (default 16)
          --load F              target load, fraction of heat-backed capacity (default 0.6)
          --slack S             deadline = submit + S × runtime (default 3)
          --state FILE          grain state (SQLite), kept after the run; must not exist yet (default: a temporary file)
          --history FILE        telemetry history (embedded SQLite store), kept after the run (default: a temporary file)
          --influx URL          write the history to InfluxDB 1.x at URL instead (e.g. http://127.0.0.1:8086)
          --influx-db NAME      its database (default greencompute; must exist)
          --anvil FILE          the anvil binary (default: found in tools/test-servers when npm installed it)
          --no-chain            journal ledger epochs to a file even when anvil is installed
          --ledger-journal FILE the epoch journal without a chain (default: a temporary file)
          --report FILE         final report (default greencompute-report.md)
          --seed N              random seed (default 42)
          --in-process          connect the simulated agents to the grains by direct calls instead of over MQTT
          --broker URL          use an external MQTT broker, e.g. mqtt://127.0.0.1:1883 (default: an embedded broker
                                on a free loopback port); it must allow the device user names (node ids) and "silo"
          --gateway-port N      serve the grains to web hosts (dotnet run --project Web/GreenCompute.Web -- --silo
                                http://127.0.0.1:N) on 127.0.0.1:N, 0 = a free port (default: no gateway); with it
                                the silo keeps serving its final state after the run until Ctrl+C
          --gateway-token-file F  the gateway's bearer token, created when missing (default greencompute-gateway.token)
          --no-live             print a line every 6 simulated hours instead of redrawing the screen
        """;

    public static SiloOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SiloOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--no-live" or "--no-chain" or "--in-process")
            {
                options = name switch
                {
                    "--no-live" => options with { Live = false },
                    "--no-chain" => options with { NoChain = true },
                    _ => options with { InProcess = true },
                };
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ConfigurationException(name, "is not an option.", "options start with --; see --help.");
            }

            if (i + 1 >= args.Count)
            {
                throw new ConfigurationException(name, "has no value.", $"write {name} VALUE; see --help.");
            }

            var value = args[++i];
            options = name switch
            {
                "--data" => options with { DataFolder = value },
                "--buildings" => options with { Buildings = ParseInt(name, value) },
                "--rooms" => options with { RoomsPerBuilding = ParseInt(name, value) },
                "--days" => options with { Days = ParseDouble(name, value) },
                "--speed" => options with { Speed = ParseDouble(name, value) },
                "--zone" => options with { PriceZone = value },
                "--day-band" => ParseBand(name, value) is var (dMin, dMax)
                    ? options with { DayMinCelsius = dMin, DayMaxCelsius = dMax }
                    : options,
                "--night-band" => ParseBand(name, value) is var (nMin, nMax)
                    ? options with { NightMinCelsius = nMin, NightMaxCelsius = nMax }
                    : options,
                "--heater-max" => options with { HeaterMaxWatts = ParseDouble(name, value) },
                "--heater-idle" => options with { HeaterIdleWatts = ParseDouble(name, value) },
                "--cores" => options with { HeaterCores = ParseInt(name, value) },
                "--load" => options with { TargetLoad = ParseDouble(name, value) },
                "--slack" => options with { DeadlineSlack = ParseDouble(name, value) },
                "--state" => options with { StateFile = value },
                "--report" => options with { ReportFile = value },
                "--history" => options with { HistoryFile = value },
                "--ledger-journal" => options with { LedgerJournal = value },
                "--anvil" => options with { AnvilPath = value },
                "--influx" => options with { InfluxUrl = ParseUrl(name, value) },
                "--influx-db" => options with { InfluxDatabase = value },
                "--broker" => options with { BrokerUrl = ParseBroker(name, value) },
                "--seed" => options with { Seed = ParseInt(name, value) },
                "--gateway-port" => options with { GatewayPort = ParseInt(name, value) },
                "--gateway-token-file" => options with { GatewayTokenFile = value },
                _ => throw new ConfigurationException(name, "is not a known option.", "see --help for the list."),
            };
        }

        return options;
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ConfigurationException(name, $"'{value}' is not a whole number.", $"write e.g. {name} 12.");

    private static double ParseDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x
            : throw new ConfigurationException(name, $"'{value}' is not a number.", $"write e.g. {name} 2.5.");

    private static Uri ParseUrl(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ConfigurationException(name, $"'{value}' is not an http(s) URL.", $"write e.g. {name} http://127.0.0.1:8086.");

    private static Uri ParseBroker(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == "mqtt" && url.Host.Length > 0
            && url.AbsolutePath is "" or "/" && string.IsNullOrEmpty(url.Query)
            ? url
            : throw new ConfigurationException(name, $"'{value}' is not an mqtt://host:port URL.", $"write e.g. {name} mqtt://127.0.0.1:1883.");

    private static (double Min, double Max) ParseBand(string name, string value)
    {
        // "20-23" or "20..23"; a leading minus would be ambiguous and comfort bands are above zero anyway.
        var parts = value.Split(["..", "-"], 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new ConfigurationException(name, $"'{value}' is not a band.", $"write MIN-MAX in °C, e.g. {name} 20-23.");
        }

        return (ParseDouble(name, parts[0]), ParseDouble(name, parts[1]));
    }
}
