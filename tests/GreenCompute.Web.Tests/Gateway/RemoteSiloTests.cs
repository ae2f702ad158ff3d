using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GreenCompute.Silo;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Gateway;

/// <summary>
/// The silo program with its gateway and the web host with <c>--silo</c>, both real loopback servers in this process:
/// the web's pages show the separate silo's rooms, and say so when that silo is gone.
/// </summary>
public sealed class RemoteSiloTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task WebWithSilo_ManagerSeesTheSilosRoom_AndAStoppedSiloIsSaidSoWithoutAStack()
    {
        var folder = Directory.CreateTempSubdirectory("gc-remote-silo-").FullName;
        var tokenFile = Path.Combine(folder, "gateway.token");
        var siloConsole = new LineWatcher("The gateway keeps serving");
        using var stop = new CancellationTokenSource();
        var silo = SiloProgram.RunAsync(
            [
                "--gateway-port", "0", "--gateway-token-file", tokenFile,
                "--buildings", "1", "--rooms", "2", "--days", "0.05", "--speed", "0",
                "--in-process", "--no-chain", "--no-live", "--report", Path.Combine(folder, "report.md"),
            ],
            siloConsole, siloConsole, stop.Token);
        WebApplication? web = null;
        try
        {
            await siloConsole.Seen.WaitAsync(TimeSpan.FromMinutes(3))
                .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"the silo run should end and keep its gateway up; it printed: {string.Join(" | ", siloConsole.Lines)}"));
            var gatewayUrl = siloConsole.Lines.Select(l => Regex.Match(l, @"^Gateway for web hosts: (\S+)")).Single(m => m.Success).Groups[1].Value;

            web = WebProgram.Create(
                [
                    "--urls", "http://127.0.0.1:0", "--users", Path.Combine(folder, "users.db"), "--mqtt-port", "0",
                    "--silo", gatewayUrl, "--silo-token-file", tokenFile,
                ],
                new StringWriter(), RepositoryPaths.WebProject);
            await web.StartAsync();
            var access = web.Services.GetRequiredService<ISiloAccess>();
            Assert.IsType<RemoteSilo>(access);
            Assert.Equal(["b1"], access.SiteIds);
            var nodeId = access.NodeIds[0];
            var accounts = web.Services.GetRequiredService<AccountService>();
            var sites = access.SiteIds.ToHashSet();
            foreach (var (name, role, payout) in new[]
            {
                ("op", Roles.Operator, null), ("manager1", Roles.Manager, null), ("customer1", Roles.Customer, null),
                ("installer1", Roles.Installer, null), ("host1", Roles.Host, access.HostOf("b1").ToString().ToLowerInvariant()),
            })
            {
                Assert.Empty(accounts.TryCreate(name, role, Password, mustChange: false, payout, role is Roles.Manager or Roles.Host ? ["b1"] : [], sites));
            }

            var baseAddress = new Uri(WebProgram.Addresses(web).Single());
            var job = await web.Services.GetRequiredService<Jobs.JobService>().SubmitAsync(
                AccountService.Principal(accounts.Store.FindByName("customer1")!, "test"),
                new Jobs.JobRequest("render", "cpu-burn", 2, 600, access.Now.AddHours(12), 500));
            Assert.True(job.JobId is not null, string.Join("; ", job.Errors.SelectMany(e => e.Value)));

            // Every role's main pages, served from the separate silo's grains.
            foreach (var (name, path) in new[]
            {
                ("op", "/operator"), ("op", "/admin/users"), ("manager1", "/sites"), ("manager1", "/sites/b1"),
                ("customer1", "/jobs"), ("customer1", "/jobs/new"), ("customer1", $"/jobs/{job.JobId}"), ("host1", "/host"), ("installer1", "/installer"),
            })
            {
                using var signedIn = await SignedInAsync(baseAddress, name);
                var page = await signedIn.GetAsync(path);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{name} {path}: {(int)page.StatusCode} {await page.Content.ReadAsStringAsync()}");
            }

            // An installer pairs an agent into the silo's building: the node, site, scheduler and ledger are the silo's.
            using (var agent = new HttpClient { BaseAddress = baseAddress })
            {
                var requested = await agent.PostAsJsonAsync("/api/v1/pairing/requests",
                    new { claimCode = "RMT1-SILO", deviceAddress = "0x" + new string('4', 40), cores = 8, maxPowerW = 800, agentVersion = "test" });
                Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
            }

            using (var installer = await SignedInAsync(baseAddress, "installer1"))
            {
                var paired = await Fixtures.Forms.PostAsync(installer, "/installer", "pair", new() { ["Input.ClaimCode"] = "RMT1-SILO", ["Input.SiteId"] = "b1", ["Input.RoomName"] = "Attic" });
                Assert.True(paired.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"pairing gave {(int)paired.StatusCode}: {await paired.Content.ReadAsStringAsync()}");
            }

            var pairedNode = Assert.Single((await access.Site("b1").GetRegistration()).NodeIds, n => !access.NodeIds.Contains(n));
            Assert.Equal("Attic", (await access.Node(pairedNode).GetSnapshot()).RoomName);

            // The device connects to this web host's broker; its telemetry reaches the separate silo's node grain.
            using (var agent = new HttpClient { BaseAddress = baseAddress })
            {
                var status = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/pairing/requests/RMT1-SILO");
                var mqtt = status.GetProperty("mqtt");
                await using var device = new GreenCompute.Mqtt.Client.MqttClient(new GreenCompute.Mqtt.Client.MqttClientOptions
                {
                    Host = mqtt.GetProperty("host").GetString()!,
                    Port = mqtt.GetProperty("port").GetInt32(),
                    ClientId = "agent-" + pairedNode,
                    UserName = pairedNode,
                    Password = mqtt.GetProperty("password").GetString()!,
                    AutoReconnect = false,
                });
                await device.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
                var applied = web.Services.GetRequiredService<FleetTicks>().Node(pairedNode).Next;
                var payload = new GreenCompute.Grains.Messaging.TelemetryPayload(1, pairedNode, access.Now, 1, 19.25, 18, 22, 300, 5, 0.2, [], null);
                var published = await device.PublishAsync(
                    GreenCompute.Grains.Messaging.Topics.Telemetry(pairedNode),
                    GreenCompute.Grains.Messaging.PayloadCodec.WriteText(payload, GreenCompute.Grains.Messaging.PayloadJsonContext.Default.TelemetryPayload),
                    GreenCompute.Mqtt.Protocol.MqttQualityOfService.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
                Assert.True(published.IsSuccess, $"publishing was {published.Status}");
                await applied.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(19.25, (await access.Node(pairedNode).GetSnapshot()).RoomTemperature!.Value.Value);
            }

            using var client = await SignedInAsync(baseAddress, "manager1");

            var room = await client.GetAsync($"/sites/b1/rooms/{nodeId}");
            var html = await room.Content.ReadAsStringAsync();
            Assert.True(room.StatusCode == HttpStatusCode.OK, html);
            Assert.Contains($"Room {nodeId}", html, StringComparison.Ordinal);
            var snapshot = await access.Node(nodeId).GetSnapshot();
            Assert.NotNull(snapshot.RoomTemperature);
            var chart = await client.GetAsync($"/data/rooms/b1/{nodeId}/chart?window=24h");
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            using (var series = System.Text.Json.JsonDocument.Parse(await chart.Content.ReadAsStringAsync()))
            {
                // The silo's history, read across the gateway: the room's temperature over the run.
                Assert.Contains(series.RootElement.GetProperty("temperature").EnumerateArray(), v => v.ValueKind == System.Text.Json.JsonValueKind.Number);
            }


            await stop.CancelAsync();
            Assert.Equal(0, await silo);

            foreach (var path in new[] { $"/sites/b1/rooms/{nodeId}", "/sites" })
            {
                var down = await client.GetAsync(path);
                var text = await down.Content.ReadAsStringAsync();
                Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)down.StatusCode} {text}");
                Assert.Contains("Silo unreachable", text, StringComparison.Ordinal);
                Assert.Contains(gatewayUrl, text, StringComparison.Ordinal);
                Assert.DoesNotContain(" at GreenCompute", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await silo.ContinueWith(_ => { }, TaskScheduler.Default);
            if (web is not null)
            {
                await web.StopAsync();
                await web.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string name)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var signIn = await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = name, ["Input.Password"] = Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"signing in as {name} gave {(int)signIn.StatusCode}");
        return client;
    }
}
