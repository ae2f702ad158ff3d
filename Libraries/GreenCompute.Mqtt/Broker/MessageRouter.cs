using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// Fan-out of messages: once to every session with a matching subscription (at the highest QoS it was granted, with
/// all its matching subscription identifiers), to one member of each matching shared group, and into the retained
/// store. Not thread-safe: runs under <see cref="BrokerCore"/>'s lock.
/// </summary>
internal sealed class MessageRouter(MqttBrokerOptions options)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly RetainedMessages _retained = new();
    private readonly Dictionary<(string Share, string Filter), SharedSubscriptionGroup> _shared = [];
    private readonly TimeProvider _time = options.TimeProvider;
    private readonly SubscriptionIndex _index = new();
    private readonly HashSet<BrokerSession> _candidates = [];
    private long _lastSweep;

    public RetainedMessages Retained => _retained;

    /// <summary>Routes <paramref name="message"/>; sessions found expired on the way are returned for removal.</summary>
    public List<BrokerSession>? Route(BrokerMessage message, IEnumerable<BrokerSession> sessions)
    {
        if (message.Retain)
        {
            _retained.Store(message);
        }

        var now = _time.GetTimestamp();
        List<BrokerSession>? expired = null;
        _candidates.Clear();
        _index.Collect(message.Topic, _candidates);
        foreach (var session in _candidates)
        {
            if (session.IsExpired(_time, now))
            {
                (expired ??= []).Add(session);
                continue;
            }

            RouteTo(session, message);
        }

        if (_time.GetElapsedTime(_lastSweep, now) >= SweepInterval)
        {
            // Sessions that no message reaches still expire: look at all of them now and then, not on every message.
            _lastSweep = now;
            foreach (var session in sessions)
            {
                if (session.IsExpired(_time, now) && !_candidates.Contains(session))
                {
                    (expired ??= []).Add(session);
                }
            }
        }

        foreach (var group in _shared.Values)
        {
            if (TopicFilter.Matches(group.Filter, message.Topic) && group.Next() is var (session, subscription))
            {
                uint[] ids = subscription.SubscriptionIdentifier is { } id ? [id] : [];
                var qos = BrokerCore.Min(message.QualityOfService, subscription.Options.MaximumQualityOfService);
                Deliver(session, new OutgoingDelivery(message, qos, subscription.Options.RetainAsPublished && message.Retain, ids));
            }
        }

        return expired;
    }

    public void Join(BrokerSession session, BrokerSubscription subscription)
    {
        if (subscription.ShareName is not { } share)
        {
            _index.Add(session, subscription.Filter);
            return;
        }

        if (!_shared.TryGetValue((share, subscription.Filter), out var group))
        {
            _shared[(share, subscription.Filter)] = group = new SharedSubscriptionGroup(share, subscription.Filter);
        }

        group.AddOrReplace(session, subscription);
    }

    public void Leave(BrokerSession session, BrokerSubscription subscription)
    {
        if (subscription.ShareName is null)
        {
            _index.Remove(session, subscription.Filter);
        }
        else if (subscription.ShareName is { } share && _shared.TryGetValue((share, subscription.Filter), out var group))
        {
            group.Remove(session);
            if (group.IsEmpty)
            {
                _shared.Remove((share, subscription.Filter));
            }
        }
    }

    /// <summary>Retained messages for a new (non-shared) subscription, RETAIN set [MQTT-3.3.1-9].</summary>
    public void SendRetained(BrokerSession session, BrokerSubscription subscription)
    {
        uint[] ids = subscription.SubscriptionIdentifier is { } id ? [id] : [];
        foreach (var retained in _retained.Matching(subscription.Filter))
        {
            var qos = BrokerCore.Min(retained.QualityOfService, subscription.Options.MaximumQualityOfService);
            Deliver(session, new OutgoingDelivery(retained, qos, retain: true, ids));
        }
    }

    private void RouteTo(BrokerSession session, BrokerMessage message)
    {
        MqttQualityOfService? best = null;
        var retainAsPublished = false;
        List<uint>? ids = null;
        foreach (var subscription in session.Subscriptions.Values)
        {
            if (subscription.IsShared || !TopicFilter.Matches(subscription.Filter, message.Topic)
                || (subscription.Options.NoLocal && session.ClientId == message.SenderClientId))
            {
                continue;
            }

            var granted = subscription.Options.MaximumQualityOfService;
            best = best is { } b && b > granted ? b : granted;
            retainAsPublished |= subscription.Options.RetainAsPublished;
            if (subscription.SubscriptionIdentifier is { } id)
            {
                (ids ??= []).Add(id);
            }
        }

        if (best is { } qos)
        {
            // RETAIN is cleared on normal delivery unless a matching subscription asked for Retain As Published.
            Deliver(session, new OutgoingDelivery(message, BrokerCore.Min(message.QualityOfService, qos), retainAsPublished && message.Retain, ids ?? []));
        }
    }

    private void Deliver(BrokerSession session, OutgoingDelivery delivery)
    {
        if (session.Deliver(delivery))
        {
            BrokerLog.QueueFull(options.Logger, session.ClientId, options.MaximumQueuedMessagesPerSession);
        }
    }
}
