using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>
/// An EdgeAgent's side of pairing over HTTP (the contract shared with the agent), then MQTT with the credentials it
/// got: asks with a claim code, polls, connects as its node and publishes telemetry on the fleet's clock.
/// </summary>
internal sealed class SimulatedAgent(WebApp app) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = app.BaseAddress };
    private readonly TaskCompletionSource<CommandPayload> _firstCommand = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttClient? _mqtt;
    private long _seq;

    /// <summary>The first command that reached this device on its commands topic (after <see cref="ConnectAsync"/>).</summary>
    public Task<CommandPayload> FirstCommand => _firstCommand.Task;

    public string ClaimCode { get; } = NewCode();

    public string DeviceAddress { get; } = "0x" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    public Task<HttpResponseMessage> RequestAsync() =>
        _http.PostAsJsonAsync("/api/v1/pairing/requests", new { claimCode = ClaimCode, deviceAddress = DeviceAddress, cores = 16, maxPowerW = 1000, agentVersion = "sim-agent 0.1" });

    public async Task<JsonElement> PollAsync()
    {
        var response = await _http.GetAsync($"/api/v1/pairing/requests/{ClaimCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task ConnectAsync(string host, int port, string nodeId, string password)
    {
        _mqtt = new MqttClient(new MqttClientOptions { Host = host, Port = port, ClientId = $"agent-{nodeId}", UserName = nodeId, Password = password, AutoReconnect = false })
        {
            MessageHandler = (message, _) =>
            {
                if (message.Topic == Topics.Commands(nodeId))
                {
                    _firstCommand.TrySetResult(PayloadCodec.TryRead(message.Payload.Span, PayloadJsonContext.Default.CommandPayload, out var command, out var rejection)
                        ? command!
                        : throw new InvalidOperationException($"a command the device cannot read: {rejection}"));
                }

                return ValueTask.CompletedTask;
            },
        };
        await _mqtt.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var subscribed = await _mqtt.SubscribeAsync(Topics.Commands(nodeId), MqttQualityOfService.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(subscribed.AllGranted, "subscribing to its own commands was refused");
    }

    /// <summary>Asks to pair, has installer1 assign it to <paramref name="siteId"/>, fetches its credentials and connects as its node; returns the node id.</summary>
    public async Task<string> PairAndConnectAsync(string siteId, string roomName)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await RequestAsync()).StatusCode);
        var installer = await app.SignedInAsync("installer1");
        var response = await Forms.PostAsync(installer, "/installer", "pair", new() { ["Input.ClaimCode"] = ClaimCode, ["Input.SiteId"] = siteId, ["Input.RoomName"] = roomName });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var paired = await PollAsync();
        var nodeId = paired.GetProperty("nodeId").GetString()!;
        var mqtt = paired.GetProperty("mqtt");
        await ConnectAsync(mqtt.GetProperty("host").GetString()!, mqtt.GetProperty("port").GetInt32(), nodeId, mqtt.GetProperty("password").GetString()!);
        return nodeId;
    }

    /// <summary>
    /// Publishes one telemetry report stamped with the silo's clock (plus <paramref name="ahead"/>: a device's clock may
    /// run ahead, and a report must be later than the last) and waits until the ingest has processed something.
    /// </summary>
    public async Task PublishTelemetryAsync(string nodeId, double roomCelsius, double watts, TimeSpan ahead = default, bool expectRefused = false)
    {
        var ingest = app.Ingest;
        var target = ingest.Processed + 1;
        var rejected = ingest.Rejected;
        var payload = new TelemetryPayload(1, nodeId, app.Silo.Now + ahead, ++_seq, roomCelsius, 20, 23, watts, 10 * _seq, 0.3, [], null);
        var result = await _mqtt!.PublishAsync(Topics.Telemetry(nodeId), PayloadCodec.WriteText(payload, PayloadJsonContext.Default.TelemetryPayload), MqttQualityOfService.AtLeastOnce)
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result.IsSuccess, $"publishing telemetry was {result.Status} {result.ReasonCode}");
        await ingest.WhenProcessed(target).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(ingest.Rejected == rejected + (expectRefused ? 1 : 0), $"the ingest rejected: {string.Join(", ", ingest.RejectedByReason.Select(r => $"{r.Key} × {r.Value}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_mqtt is not null)
        {
            await _mqtt.DisposeAsync();
        }

        _http.Dispose();
    }

    private static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var text = RandomNumberGenerator.GetString(alphabet, 8);
        return $"{text[..4]}-{text[4..]}";
    }
}
