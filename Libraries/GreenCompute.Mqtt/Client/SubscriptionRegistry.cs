using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;

namespace GreenCompute.Mqtt.Client;

/// <summary>Granted subscriptions, remembered so they can be made again when the server lost the session.</summary>
internal sealed class SubscriptionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public void Remember(MqttSubscribeOptions options, MqttSubscribeResult result)
    {
        lock (_gate)
        {
            for (var i = 0; i < options.Subscriptions.Count; i++)
            {
                var subscription = options.Subscriptions[i];
                if (result.Items[i].IsGranted)
                {
                    _entries[subscription.TopicFilter] = new Entry(subscription, options.SubscriptionIdentifier, options.UserProperties);
                }
                else
                {
                    _entries.Remove(subscription.TopicFilter);
                }
            }
        }
    }

    public void Forget(IEnumerable<string> topicFilters)
    {
        lock (_gate)
        {
            foreach (var filter in topicFilters)
            {
                _entries.Remove(filter);
            }
        }
    }

    /// <summary>One SUBSCRIBE per subscription identifier, filters in the order they were first granted.</summary>
    public IReadOnlyList<MqttSubscribeOptions> ToResubscribe()
    {
        lock (_gate)
        {
            return [.. _entries.Values
                .GroupBy(e => e.SubscriptionIdentifier)
                .Select(g => new MqttSubscribeOptions
                {
                    Subscriptions = [.. g.Select(e => e.Subscription)],
                    SubscriptionIdentifier = g.Key,
                    UserProperties = g.First().UserProperties,
                })];
        }
    }

    private sealed record Entry(MqttSubscription Subscription, uint? SubscriptionIdentifier, IReadOnlyList<MqttUserProperty> UserProperties);
}
