using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>One filter of a SUBACK.</summary>
/// <param name="TopicFilter">The filter as requested.</param>
/// <param name="ReasonCode">GrantedQoS0/1/2, or a failure (0x80 and up: NotAuthorized, TopicFilterInvalid, …).</param>
public readonly record struct MqttSubscribeResultItem(string TopicFilter, MqttReasonCode ReasonCode)
{
    public bool IsGranted => (byte)ReasonCode < 0x80;

    public MqttQualityOfService? GrantedQualityOfService => IsGranted ? (MqttQualityOfService)ReasonCode : null;
}
