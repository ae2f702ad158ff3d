using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>What the broker makes of a CONNECT before authentication: refusal, or the settings the connection will use.</summary>
/// <param name="ReasonCode">Success, or the CONNACK reason code of the refusal.</param>
/// <param name="Reason">Why it was refused, for the log.</param>
/// <param name="ClientId">The client's identifier, or one assigned by the broker (<paramref name="ClientIdAssigned"/>).</param>
/// <param name="ClientIdAssigned">True when the client sent an empty identifier.</param>
/// <param name="ExpiryInterval">Session expiry in seconds after capping; uint.MaxValue is never.</param>
/// <param name="KeepAliveSeconds">Keep alive enforced; 0 is none.</param>
/// <param name="ServerKeepAlive">MQTT 5 Server Keep Alive to announce when the broker overrides the client's value.</param>
/// <param name="ClientReceiveMaximum">QoS 1/2 messages the broker may have in flight towards the client.</param>
/// <param name="ClientMaximumPacketSize">The client's Maximum Packet Size, if it announced one.</param>
internal sealed record ConnectDecision(
    MqttReasonCode ReasonCode,
    string Reason,
    string ClientId,
    bool ClientIdAssigned,
    uint ExpiryInterval,
    ushort KeepAliveSeconds,
    ushort? ServerKeepAlive,
    ushort ClientReceiveMaximum,
    uint? ClientMaximumPacketSize)
{
    public bool Accepted => ReasonCode == MqttReasonCode.Success;
}
