using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>How a publish ended: QoS 0 written to the network, QoS 1 PUBACK, QoS 2 PUBCOMP, or a refusal.</summary>
/// <param name="Status">Delivered, Rejected by the server, or Dropped from the pending queue.</param>
/// <param name="QualityOfService">The QoS of the flow (a message above the server's Maximum QoS fails with QoSNotSupported).</param>
/// <param name="ReasonCode">The server's PUBACK/PUBREC reason code (Success for QoS 0 and MQTT 3.1.1).</param>
/// <param name="PacketIdentifier">0 for QoS 0.</param>
/// <param name="ReasonString">MQTT 5 reason string of the acknowledgement, if any.</param>
public sealed record MqttPublishResult(
    MqttPublishStatus Status,
    MqttQualityOfService QualityOfService,
    MqttReasonCode ReasonCode,
    ushort PacketIdentifier,
    string? ReasonString = null)
{
    public bool IsSuccess => Status == MqttPublishStatus.Delivered;
}
