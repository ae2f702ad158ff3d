using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GreenCompute.Mqtt.Client;
using GreenCompute.Web.Pairing;
using GreenCompute.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Pairing;

/// <summary>The agent's pairing contract: bad input, idempotence, conflicts, unknown codes, guessing, the broker's door.</summary>
public sealed class PairingApiTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Request_BadFields_Is400ByFieldAndStoresNothing()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/v1/pairing/requests", new { claimCode = "abc", deviceAddress = "0x12", cores = 0, maxPowerW = -5, agentVersion = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "claimCode", "deviceAddress", "cores", "maxPowerW", "agentVersion" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.DoesNotContain(app.Services.GetRequiredService<PairingStore>().Recent(100), r => r.ClaimCode == "ABC");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/v1/pairing/requests", new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Request_SameCodeAndAddress_IsIdempotent_AnotherAddress_Is409()
    {
        await using var agent = new SimulatedAgent(app);
        Assert.Equal(HttpStatusCode.Accepted, (await agent.RequestAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await agent.RequestAsync()).StatusCode);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var other = await http.PostAsJsonAsync("/api/v1/pairing/requests",
            new { claimCode = agent.ClaimCode, deviceAddress = "0x" + new string('7', 40), cores = 4, maxPowerW = 500, agentVersion = "x" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(agent.DeviceAddress, app.Services.GetRequiredService<PairingStore>().Find(agent.ClaimCode)!.DeviceAddress);
    }

    [Fact]
    public async Task Poll_UnknownCodes_Are404ThenTheGuesserIsRefused()
    {
        // Loopback is one client address for every test in this class: use a fresh limiter view of it.
        var limiter = app.Services.GetRequiredService<GuessLimiter>();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < GuessLimiter.MaxUnknown + 1; i++)
        {
            statuses.Add((await http.GetAsync($"/api/v1/pairing/requests/ZZZZ-{i:0000}")).StatusCode);
        }

        Assert.All(statuses.Take(GuessLimiter.MaxUnknown), s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests));
        var last = await http.GetAsync("/api/v1/pairing/requests/ZZZZ-9999");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.True(limiter.IsBlocked(System.Net.IPAddress.Loopback, out _));
    }

    [Fact]
    public async Task Installer_AssigningUnknownOrBadInput_SaysSoAtEachFieldAndCreatesNothing()
    {
        var client = await app.SignedInAsync("installer1");
        var before = (await app.Silo.Site("b2").GetRegistration()).NodeIds.Length;
        var response = await Fixtures.Forms.PostAsync(client, "/installer", "pair", new() { ["Input.ClaimCode"] = "QQQQ-QQQQ", ["Input.SiteId"] = "nowhere", ["Input.RoomName"] = "" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No agent", Fixtures.Forms.FieldError(html, "ClaimCode"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "SiteId"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "RoomName"));
        Assert.Equal(before, (await app.Silo.Site("b2").GetRegistration()).NodeIds.Length);
    }

    [Fact]
    public async Task Broker_RefusesADeviceWithAWrongPassword()
    {
        var endpoint = app.Services.GetRequiredService<MqttEndpoint>();
        await using var client = new MqttClient(new MqttClientOptions { Host = endpoint.Host, Port = endpoint.Port, ClientId = "intruder", UserName = "b1-r01", Password = "guess", AutoReconnect = false });
        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
