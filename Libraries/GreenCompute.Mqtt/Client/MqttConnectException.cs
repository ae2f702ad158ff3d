using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// A connection attempt failed: the server refused it (<see cref="ReasonCode"/> from CONNACK, 3.1.1 return codes mapped),
/// or the network, TLS or handshake failed (ReasonCode <see cref="MqttReasonCode.UnspecifiedError"/>, see InnerException).
/// </summary>
public sealed class MqttConnectException(MqttReasonCode reasonCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public MqttReasonCode ReasonCode { get; } = reasonCode;
}
