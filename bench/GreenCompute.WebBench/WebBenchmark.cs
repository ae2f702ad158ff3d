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
/// commissioning page's SSE frame showing it (one fleet step included), and the JavaScript each page loads.
/// Usage: dotnet run -c Release --project bench/GreenCompute.WebBench -- [--buildings 100] [--rooms 100] [--samples 40]
/// </summary>
internal static partial class WebBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var buildings = Arg("--buildings", 100);
        var rooms = Arg("--rooms", 100);
        var samples = Arg("--samples", 40);
        var folder = Directory.CreateTempSubdirectory("gc-webbench").FullName;
        var root = FindRoot();
        var started = Stopwatch.StartNew();
        await using var app = WebProgram.Create(
            ["--urls", "http://127.0.0.1:0", "--buildings", $"{buildings}", "--rooms", $"{rooms}", "--days", "2", "--no-chain", "--mqtt-port", "0",
             "--users", Path.Combine(folder, "users.db"), "--GreenCompute:ManualClock=true", "--Logging:LogLevel:Default=Warning"],
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
        await silo.StepAsync(16);
        var stepTime = step.Elapsed / 16;
        var baseUrl = WebProgram.Addresses(app).Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Web benchmark {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {buildings * rooms:N0} simulated rooms ({buildings} × {rooms}); start {startup.TotalSeconds:0.0} s; one fleet step (planning round amortised) {stepTime.TotalMilliseconds:0} ms"));

        var op = await SignInAsync(baseUrl, "op", password);
        var manager = await SignInAsync(baseUrl, "manager", password);
        var site = silo.SiteIds[0];
        var node = (await silo.Site(site).GetRegistration()).NodeIds[0];
        var pages = new (string Who, HttpClient Client, string Path)[]
        {
            ("operator", op, "/operator"),
            ("operator", op, $"/operator?site={site}&page=1"),
            ("operator", op, $"/operator?mode=Computing&page=3"),
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
        Console.WriteLine(await TelemetryDelayAsync(app.Services, silo, baseUrl, password));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<string> TelemetryDelayAsync(IServiceProvider services, CoHostedSilo silo, string baseUrl, string password)
    {
        var pairing = services.GetRequiredService<PairingService>();
        var delays = new List<double>();
        pairing.Request(new PairingRequest("BNCH-0001", "0x" + new string('4', 40), 16, 1000, "bench"));
        var (record, errors) = await pairing.AssignAsync("BNCH-0001", silo.SiteIds[0], "bench room");
        var nodeId = record?.NodeId ?? throw new InvalidOperationException(string.Join("; ", errors.Values));
        var credentials = pairing.Poll("BNCH-0001")!.Mqtt!;
        await using var device = new MqttClient(new MqttClientOptions { Host = credentials.Host, Port = credentials.Port, ClientId = "bench", UserName = nodeId, Password = credentials.Password, AutoReconnect = false });
        await device.ConnectAsync();
        var installer = await SignInAsync(baseUrl, "installer", password);
        using var stream = await installer.GetStreamAsync($"/live/pairings/{nodeId}");
        using var reader = new StreamReader(stream);
        for (var i = 1; i <= 10; i++)
        {
            var celsius = (18 + i / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
            var payload = new TelemetryPayload(1, nodeId, silo.Now, i, 18 + i / 10.0, 20, 23, 500, i * 10, 0.5, [], null);
            var sw = Stopwatch.StartNew();
            await device.PublishAsync(Topics.Telemetry(nodeId), PayloadCodec.WriteText(payload, PayloadJsonContext.Default.TelemetryPayload), MqttQualityOfService.AtLeastOnce);
            var stepping = silo.StepAsync();
            while (await reader.ReadLineAsync() is { } line && !line.Contains($"{celsius} &#xB0;C", StringComparison.Ordinal))
            {
            }

            delays.Add(sw.Elapsed.TotalMilliseconds);
            await stepping;
        }

        delays.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"Telemetry → commissioning page (MQTT publish, ingest, one fleet step, SSE frame): median {delays[delays.Count / 2]:0} ms, max {delays[^1]:0} ms over {delays.Count} reports");
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
