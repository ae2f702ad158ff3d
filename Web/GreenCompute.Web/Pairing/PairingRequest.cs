using System.Text.Json.Serialization;

namespace GreenCompute.Web.Pairing;

/// <summary>What an EdgeAgent sends to <c>POST /api/v1/pairing/requests</c> (the contract shared with the agent).</summary>
public sealed record PairingRequest(string? ClaimCode, string? DeviceAddress, int? Cores, double? MaxPowerW, string? AgentVersion);

/// <summary>The answer to <c>GET /api/v1/pairing/requests/{claimCode}</c>: pending, or paired with where and how to connect.</summary>
public sealed record PairingStatus(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NodeId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SiteId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RoomId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MqttCredentials? Mqtt = null);

/// <summary>
/// The device's broker account: user name = node id. <see cref="Password"/> is handed out once (the first poll after
/// pairing); later polls carry null.
/// </summary>
public sealed record MqttCredentials(
    string Host,
    int Port,
    string Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password);
