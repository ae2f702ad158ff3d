namespace GreenCompute.Web.Pairing;

/// <summary>
/// A pairing request and, once an installer assigned it, where the device went. <see cref="MqttPassword"/> is kept
/// in clear only until the agent has fetched it once; the broker checks <see cref="MqttPasswordHash"/>.
/// </summary>
internal sealed record PairingRecord(
    string ClaimCode,
    string DeviceAddress,
    int Cores,
    double MaxPowerWatts,
    string AgentVersion,
    DateTimeOffset RequestedAt,
    string? NodeId,
    string? SiteId,
    string? RoomId,
    string? MqttPassword,
    string? MqttPasswordHash,
    bool PasswordHandedOut)
{
    public bool Paired => NodeId is not null;
}
