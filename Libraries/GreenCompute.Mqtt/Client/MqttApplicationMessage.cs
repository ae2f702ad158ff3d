using System.Text;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// A message as the application publishes or receives it. <see cref="Properties"/> carries the MQTT 5 publish
/// properties (content type, response topic, correlation data, user properties, message expiry, payload format);
/// it must stay empty for MQTT 3.1.1. Topic alias and subscription identifier are handled by the client.
/// </summary>
public sealed record MqttApplicationMessage
{
    public required string Topic { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;

    /// <summary>Received messages only: the server flagged this PUBLISH as a possible re-delivery.</summary>
    public bool Dup { get; init; }

    public static MqttApplicationMessage FromText(string topic, string payload,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false) => new()
        {
            Topic = topic,
            Payload = Encoding.UTF8.GetBytes(payload),
            QualityOfService = qualityOfService,
            Retain = retain,
        };

    public string GetPayloadText() => Encoding.UTF8.GetString(Payload.Span);

    internal void Validate(MqttProtocolVersion version)
    {
        if (!TopicName.IsValid(Topic))
        {
            throw new ArgumentException($"'{Topic}' is not a valid topic name (non-empty, no wildcards, valid UTF-8).", nameof(Topic));
        }

        if (!Enum.IsDefined(QualityOfService))
        {
            throw new ArgumentException($"QoS {(int)QualityOfService} does not exist.", nameof(QualityOfService));
        }

        if (version != MqttProtocolVersion.V500 && !Properties.IsEmpty)
        {
            throw new ArgumentException("Message properties need MQTT 5.", nameof(Properties));
        }

        if (Properties.TopicAlias is not null || Properties.SubscriptionIdentifiers.Count != 0)
        {
            throw new ArgumentException("Topic alias and subscription identifiers are set by the client and server, not the application.",
                nameof(Properties));
        }
    }
}
