using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>The will message carried in CONNECT; the server publishes it when the connection ends abnormally.</summary>
public sealed record MqttWillMessage
{
    public required string Topic { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    /// <summary>MQTT 5 will properties (will delay interval, message expiry, content type, …).</summary>
    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
