using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// An application message inside the broker, as published: properties without topic alias or subscription
/// identifiers (those are per connection and per subscription). <see cref="SenderClientId"/> is empty for messages
/// the host publishes itself.
/// </summary>
internal sealed record BrokerMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    MqttProperties Properties,
    string SenderClientId);
