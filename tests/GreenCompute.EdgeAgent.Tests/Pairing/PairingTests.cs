using System.Collections.Concurrent;
using System.Text.Json;
using GreenCompute.Core.Time;
using GreenCompute.EdgeAgent.Pairing;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Mqtt.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace GreenCompute.EdgeAgent.Tests.Pairing;

/// <summary>
/// The agent side of pairing against a minimal in-test HTTP stub of the contract: POST /api/v1/pairing/requests → 202;
/// GET /api/v1/pairing/requests/{claimCode} → 404, {"status":"pending"}, then "paired" with the MQTT account.
/// </summary>
public sealed class PairingTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void FirstStart_CreatesTheKeyOwnerOnly_AndReusesItLater()
    {
        var key = DeviceKeyStore.LoadOrCreate(_state.Path);
        var file = Path.Combine(_state.Path, DeviceKeyStore.FileName);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        Assert.Equal(key.Address.ToString(), DeviceKeyStore.LoadOrCreate(_state.Path).Address.ToString());
        Assert.Matches("^0x[0-9a-fA-F]{40}$", key.Address.ToString());
    }

    [Fact]
    public void ClaimCode_IsCrockfordBase32_ThreeGroupsOfFour_Random()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ClaimCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(200, codes.Distinct().Count());
        Assert.True(ClaimCode.IsValid("ABCD-EFGH"));
        Assert.False(ClaimCode.IsValid("ABCD-EFGI"));
        Assert.False(ClaimCode.IsValid("ABCDEFGH"));
    }

    [Fact]
    public async Task Pairing_PostsTheRequest_PollsThrough404AndPending_StoresCredentialsOwnerOnly()
    {
        var posts = new ConcurrentQueue<JsonElement>();
        var gets = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var stub = builder.Build();
        stub.MapPost("/api/v1/pairing/requests", async (HttpRequest request) =>
        {
            posts.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Accepted();
        });
        stub.MapGet("/api/v1/pairing/requests/{code}", (string code) => Interlocked.Increment(ref gets) switch
        {
            // The server forgot the request once (restart): the agent must post it again.
            1 => Results.NotFound(),
            2 or 3 => Results.Text("""{"status":"pending"}""", "application/json"),
            _ => Results.Text("""
                {"status":"paired","nodeId":"b1-r07","siteId":"b1","roomId":"r07",
                 "mqtt":{"host":"127.0.0.1","port":1883,"username":"dev-b1-r07","password":"s3cret"}}
                """, "application/json"),
        });
        await stub.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(stub.Urls.First() + "/") };
        var key = DeviceKeyStore.LoadOrCreate(_state.Path);
        var client = new PairingClient(http, _state.Path, new ManualTimeProvider(), new TestLogger()) { PollEvery = TimeSpan.Zero };
        var code = client.ClaimCodeFor();
        Assert.Equal(code, client.ClaimCodeFor());
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_state.Path, PairingClient.ClaimFile)));

        var credentials = await Within.Async(client.PairAsync(new PairingRequest(code, key.Address.ToString(), 16, 1000, "1.0.0"), CancellationToken.None),
            "pairing to finish");

        Assert.Equal(new AgentCredentials("b1-r07", "b1", "r07", "127.0.0.1", 1883, "dev-b1-r07", "s3cret"), credentials);
        Assert.Equal(2, posts.Count);
        var body = posts.First();
        Assert.Equal(["claimCode", "deviceAddress", "cores", "maxPowerW", "agentVersion"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("claimCode").GetString());
        Assert.Equal(key.Address.ToString(), body.GetProperty("deviceAddress").GetString());
        Assert.Equal(16, body.GetProperty("cores").GetInt32());
        Assert.Equal(1000, body.GetProperty("maxPowerW").GetDouble());
        Assert.Equal(credentials, PairingClient.LoadCredentials(_state.Path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_state.Path, PairingClient.CredentialsFile)));
        Assert.False(File.Exists(Path.Combine(_state.Path, PairingClient.ClaimFile)));
        await stub.StopAsync();
    }

    [Fact]
    public async Task Pairing_ServerRefusesTheRequest_FailsWithItsAnswer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var stub = builder.Build();
        stub.MapPost("/api/v1/pairing/requests", () => Results.Problem("claim code format", statusCode: 400));
        await stub.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(stub.Urls.First() + "/") };
        var client = new PairingClient(http, _state.Path, new ManualTimeProvider(), new TestLogger());
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PairAsync(new PairingRequest(client.ClaimCodeFor(), "0x0000000000000000000000000000000000000001", 16, 1000, "1"), CancellationToken.None));
        Assert.Contains("answered 400", error.Message, StringComparison.Ordinal);
        Assert.Null(PairingClient.LoadCredentials(_state.Path));
        await stub.StopAsync();
    }

    [Fact]
    public void Screen_ShowsTheCodeAndAQrCode()
    {
        var text = PairingScreen.Render("ABCD-EFGH-JKMN", "0xabc", new Uri("http://127.0.0.1:5000/"));
        Assert.Contains("Claim code:  ABCD-EFGH-JKMN", text, StringComparison.Ordinal);
        Assert.Contains('█', text);
        Assert.True(text.Split('\n').Length > 20, "a QR code has at least 21 modules per side (two per text line)");
    }

    [Fact]
    public async Task Program_WithoutCredentials_PairsThenConnectsWithTheGivenAccount()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var stub = builder.Build();
        stub.MapPost("/api/v1/pairing/requests", () => Results.Accepted());
        stub.MapGet("/api/v1/pairing/requests/{code}", (string code) => Results.Json(new
        {
            status = "paired",
            nodeId = "paired-node",
            siteId = "b1",
            roomId = "r1",
            mqtt = new { host = "127.0.0.1", port = broker.Port, username = "dev", password = "pw" },
        }));
        await stub.StartAsync();
        var seen = new Inbox();
        await using var silo = new Mqtt.Client.MqttClient(new Mqtt.Client.MqttClientOptions { Port = broker.Port }) { MessageHandler = seen.Handle };
        await silo.ConnectAsync();
        await silo.SubscribeAsync("gc/v1/nodes/+/status", Mqtt.Protocol.MqttQualityOfService.AtLeastOnce);

        await using (var agent = AgentProcess.Start("--state", _state.Path, "--pair", stub.Urls.First(), "--sensors", "simulated"))
        {
            await seen.WaitAsync(m => m.Any(x => x.Topic == "gc/v1/nodes/paired-node/status" && x.GetPayloadText().Contains("online", StringComparison.Ordinal)),
                "the paired agent's online status", TimeSpan.FromSeconds(60));
        }

        Assert.Equal("paired-node", PairingClient.LoadCredentials(_state.Path)!.NodeId);
        await stub.StopAsync();
    }
}
