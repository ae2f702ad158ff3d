using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Client;

/// <summary>One SUBSCRIBE: its topic filters with their options, and the MQTT 5 subscription identifier and user properties.</summary>
public sealed record MqttSubscribeOptions
{
    public required IReadOnlyList<MqttSubscription> Subscriptions { get; init; }

    /// <summary>MQTT 5: echoed by the server in every PUBLISH matching these subscriptions (1 to 268,435,455).</summary>
    public uint? SubscriptionIdentifier { get; init; }

    public IReadOnlyList<MqttUserProperty> UserProperties { get; init; } = [];

    public static MqttSubscribeOptions For(string topicFilter, MqttQualityOfService qualityOfService) =>
        new() { Subscriptions = [new MqttSubscription { TopicFilter = topicFilter, MaximumQualityOfService = qualityOfService }] };

    internal void Validate(MqttProtocolVersion version)
    {
        if (Subscriptions.Count == 0)
        {
            throw new ArgumentException("A SUBSCRIBE needs at least one topic filter.", nameof(Subscriptions));
        }

        foreach (var subscription in Subscriptions)
        {
            if (!TopicFilter.IsValid(subscription.TopicFilter))
            {
                throw new ArgumentException($"'{subscription.TopicFilter}' is not a valid topic filter.", nameof(Subscriptions));
            }

            if (!Enum.IsDefined(subscription.MaximumQualityOfService) || !Enum.IsDefined(subscription.RetainHandling))
            {
                throw new ArgumentException($"'{subscription.TopicFilter}' has an invalid QoS or retain handling.", nameof(Subscriptions));
            }

            var hasV5Options = subscription.NoLocal || subscription.RetainAsPublished || subscription.RetainHandling != MqttRetainHandling.SendAtSubscribe;
            if (version != MqttProtocolVersion.V500 && hasV5Options)
            {
                throw new ArgumentException("No local, retain as published and retain handling need MQTT 5.", nameof(Subscriptions));
            }
        }

        if (version != MqttProtocolVersion.V500 && (SubscriptionIdentifier is not null || UserProperties.Count != 0))
        {
            throw new ArgumentException("Subscription identifiers and user properties need MQTT 5.");
        }

        if (SubscriptionIdentifier is 0 or > VariableByteInteger.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(SubscriptionIdentifier), SubscriptionIdentifier, "Must be 1 to 268,435,455.");
        }
    }

    internal MqttSubscribePacket ToPacket(ushort packetIdentifier) => new()
    {
        PacketIdentifier = packetIdentifier,
        Subscriptions = Subscriptions,
        Properties = SubscriptionIdentifier is null && UserProperties.Count == 0
            ? MqttProperties.Empty
            : new MqttProperties
            {
                SubscriptionIdentifiers = SubscriptionIdentifier is { } id ? [id] : [],
                UserProperties = UserProperties,
            },
    };
}
