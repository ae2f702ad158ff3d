using GreenCompute.Mqtt.Packets;

namespace GreenCompute.Mqtt.Broker;

/// <summary>One granted subscription of a session; for a shared subscription, <see cref="Filter"/> is the inner filter.</summary>
internal sealed record BrokerSubscription(MqttSubscription Options, string Filter, string? ShareName, uint? SubscriptionIdentifier)
{
    public bool IsShared => ShareName is not null;
}
