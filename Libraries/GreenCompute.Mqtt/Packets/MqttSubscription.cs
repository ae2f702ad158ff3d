using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>One topic filter of a SUBSCRIBE with its options (no-local, retain-as-published and retain handling are MQTT 5).</summary>
public sealed record MqttSubscription
{
    public required string TopicFilter { get; init; }

    public MqttQualityOfService MaximumQualityOfService { get; init; }

    public bool NoLocal { get; init; }

    public bool RetainAsPublished { get; init; }

    public MqttRetainHandling RetainHandling { get; init; }
}
