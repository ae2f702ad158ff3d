using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Web;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Pairing;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.WebBench;

/// <summary>
/// Starts the real web host with a large simulated fleet (manual clock), then measures: each main page's time as the
/// client sees it over loopback (sequential requests, p50/p95), the delay from a paired device's MQTT telemetry to the
/// room page's SSE frame showing it (no fleet step waited for; with the fleet idle and while it steps), and the
/// JavaScript each page loads.
/// Usage: dotnet run -c Release --project bench/GreenCompute.WebBench -- [--buildings 100] [--rooms 100] [--samples 40] [--reports 10] [--steps 16] [--in-process | --mqtt-agents]
/// </summary>
internal static partial class WebBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var buildings = Arg("--buildings", 100);
        var rooms = Arg("--rooms", 100);
        var samples = Arg("--samples", 40);
        var warmSteps = Math.Max(1, Arg("--steps", 16));
        var folder = Directory.CreateTempSubdirectory("gc-webbench").FullName;
        var root = FindRoot();
        var started = Stopwatch.StartNew();
        // Each simulated agent over MQTT holds two loopback sockets in this process: 10,000 need more than a descriptor
        // limit of 20,000 allows, so --in-process has them call the grains directly (paired devices still use MQTT).
        var descriptors = OpenFilesLimit();
        var inProcess = args.Contains("--in-process") || (!args.Contains("--mqtt-agents") && descriptors < 2 * buildings * rooms + 2_000);
        if (inProcess && !args.Contains("--in-process"))
        {
            Console.WriteLine($"Simulated agents in-process: {buildings * rooms:N0} MQTT agents need about {2 * buildings * rooms + 2_000:N0} file descriptors, the limit is {descriptors:N0} (--mqtt-agents forces MQTT).");
        }

        await using var app = WebProgram.Create(
            ["--urls", "http://127.0.0.1:0", "--buildings", $"{buildings}", "--rooms", $"{rooms}", "--days", "2", "--no-chain", "--mqtt-port", "0",
             "--users", Path.Combine(folder, "users.db"), "--GreenCompute:ManualClock=true", "--Logging:LogLevel:Default=Warning",
             .. inProcess ? new[] { "--in-process" } : []],
            TextWriter.Null, Path.Combine(root, "Web", "GreenCompute.Web"));
        await app.StartAsync();
        var silo = app.Services.GetRequiredService<CoHostedSilo>();
        var accounts = app.Services.GetRequiredService<AccountService>();
        const string password = "benchmark-password";
        accounts.TryCreate("op", Roles.Operator, password, false, null, [], []);
        accounts.TryCreate("manager", Roles.Manager, password, false, null, [silo.SiteIds[0]], silo.SiteIds.ToHashSet());
        accounts.TryCreate("installer", Roles.Installer, password, false, null, [], []);
        var startup = started.Elapsed;
        var step = Stopwatch.StartNew();
        await silo.StepAsync(warmSteps);
        var stepTime = step.Elapsed / warmSteps;
        // What the fleet table costs once per step instead of per request: every site's overview read into the index.
        var fleet = app.Services.GetRequiredService<GreenCompute.Web.Fleet.FleetIndex>();
        fleet.Invalidate();
        var read = Stopwatch.StartNew();
        await fleet.CurrentAsync();
        var indexTime = read.Elapsed;
        var baseUrl = WebProgram.Addresses(app).Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Web benchmark {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {buildings * rooms:N0} simulated rooms ({buildings} × {rooms}), agents {(inProcess ? "in-process" : "over MQTT")}; start {startup.TotalSeconds:0.0} s; one fleet step (planning round amortised over {warmSteps}) {stepTime.TotalMilliseconds:0} ms; fleet index read (once per step) {indexTime.TotalMilliseconds:0} ms; memory {GC.GetTotalMemory(false) / 1e6:0} MB managed, {Environment.WorkingSet / 1e6:0} MB working set"));

        var op = await SignInAsync(baseUrl, "op", password);
        var manager = await SignInAsync(baseUrl, "manager", password);
        var site = silo.SiteIds[0];
        var node = (await silo.Site(site).GetRegistration()).NodeIds[0];
        var pages = new (string Who, HttpClient Client, string Path)[]
        {
            ("operator", op, "/operator"),
            ("operator", op, $"/operator?site={site}&page=1"),
            ("operator", op, $"/operator?mode=Computing&page=3"),
            ("operator", op, $"/operator?q=r05&page=2"),
            ("operator", op, "/sites"),
            ("manager", manager, "/sites"),
            ("manager", manager, $"/sites/{site}"),
            ("manager", manager, $"/sites/{site}/rooms/{node}"),
            ("manager", manager, $"/data/rooms/{site}/{node}/chart?window=7d"),
        };
        Console.WriteLine();
        Console.WriteLine("| page | as | p50 ms | p95 ms | JS bytes |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var (who, client, path) in pages)
        {
            var times = new List<double>();
            string html = "";
            for (var i = 0; i < samples + 3; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                html = await response.Content.ReadAsStringAsync();
                sw.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                if (i >= 3)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var js = ScriptPattern().Matches(html).Sum(m => new FileInfo(Path.Combine(root, "Web", "GreenCompute.Web", "wwwroot", m.Groups[1].Value)).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{path}` | {who} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} | {js:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(await TelemetryDelayAsync(app.Services, silo, baseUrl, password, Arg("--reports", 10)));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>
    /// Telemetry → room page: a paired device publishes a report with a new temperature; the clock stops when the room
    /// page's SSE stream (as the site's manager) carries a frame showing it. First with the fleet idle between steps,
    /// then while fleet steps run back to back (the ingest then also carries the whole fleet's reports). Reports are
    /// 600 ms apart so each starts on an idle stream (a stream sends at most one frame per 500 ms).
    /// </summary>
    private static async Task<string> TelemetryDelayAsync(IServiceProvider services, CoHostedSilo silo, string baseUrl, string password, int reports)
    {
        var pairing = services.GetRequiredService<PairingService>();
        pairing.Request(new PairingRequest("BNCH-0001", "0x" + new string('4', 40), 16, 1000, "bench"));
        var site = silo.SiteIds[0];
        var (record, errors) = await pairing.AssignAsync("BNCH-0001", site, "bench room");
        var nodeId = record?.NodeId ?? throw new InvalidOperationException(string.Join("; ", errors.Values));
        var credentials = pairing.Poll("BNCH-0001")!.Mqtt!;
        await using var device = new MqttClient(new MqttClientOptions { Host = credentials.Host, Port = credentials.Port, ClientId = "bench", UserName = nodeId, Password = credentials.Password, AutoReconnect = false });
        await device.ConnectAsync();
        var manager = await SignInAsync(baseUrl, "manager", password);
        using var stream = await manager.GetStreamAsync($"/live/rooms/{site}/{nodeId}");
        using var reader = new StreamReader(stream);
        var sequence = 0;

        async Task<List<double>> MeasureAsync(double baseCelsius)
        {
            var delays = new List<double>();
            for (var i = 1; i <= reports; i++)
            {
                // Each report starts on an idle stream: past the pause after its previous frame.
                await Task.Delay(600);
                var celsius = baseCelsius + i / 10.0;
                var text = celsius.ToString("0.0", CultureInfo.InvariantCulture) + " &#xB0;C";
                sequence++;
                // Later than the last report even when the fleet's clock has not moved since (devices may run a little ahead).
                var payload = new TelemetryPayload(1, nodeId, silo.Now + TimeSpan.FromSeconds(sequence), sequence, celsius, 20, 23, 500, sequence * 10, 0.5, [], null);
                var sw = Stopwatch.StartNew();
                await device.PublishAsync(Topics.Telemetry(nodeId), PayloadCodec.WriteText(payload, PayloadJsonContext.Default.TelemetryPayload), MqttQualityOfService.AtLeastOnce);
                while (await reader.ReadLineAsync() is { } line && !line.Contains(text, StringComparison.Ordinal))
                {
                }

                delays.Add(sw.Elapsed.TotalMilliseconds);
            }

            delays.Sort();
            return delays;
        }

        var idle = await MeasureAsync(18);
        using var stop = new CancellationTokenSource();
        var steps = 0;
        var stepping = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !silo.Finished)
            {
                await silo.StepAsync();
                steps++;
            }
        });
        var busy = await MeasureAsync(20);
        await stop.CancelAsync();
        await stepping;
        string Line(string when, List<double> d) => string.Create(CultureInfo.InvariantCulture,
            $"| {when} | {d.Count} | {d[d.Count / 2]:0} | {d[(int)Math.Ceiling(d.Count * 0.95) - 1]:0} | {d[^1]:0} |");
        return string.Join(Environment.NewLine,
            "| telemetry → room page (MQTT publish, ingest, SSE frame) | reports | p50 ms | p95 ms | max ms |",
            "|---|---:|---:|---:|---:|",
            Line("fleet idle between steps", idle),
            Line($"fleet stepping back to back ({steps} steps meanwhile)", busy));
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Name"] = name, ["Input.Password"] = password,
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"sign-in as {name}: {(int)response.StatusCode}");
    }

    /// <summary>The soft limit of open files (Linux /proc/self/limits), or int.MaxValue when it cannot be read.</summary>
    private static long OpenFilesLimit()
    {
        const string path = "/proc/self/limits";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && long.TryParse(fields[0], CultureInfo.InvariantCulture, out var soft) ? soft : int.MaxValue;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GreenCompute.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
