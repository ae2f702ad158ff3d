using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>One filter of an UNSUBACK.</summary>
public readonly record struct MqttUnsubscribeResultItem(string TopicFilter, MqttReasonCode ReasonCode);
