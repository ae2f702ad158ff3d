using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// The broker's shared state behind one lock: sessions by client identifier, delayed wills, and the
/// <see cref="MessageRouter"/> (subscriptions, shared groups, retained messages). Work under the lock is synchronous: packets are only
/// queued on connection channels, whose writer loops do the I/O.
/// </summary>
internal sealed class BrokerCore(MqttBrokerOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BrokerSession> _sessions = new(StringComparer.Ordinal);
    private readonly MessageRouter _router = new(options);
    private readonly Dictionary<string, ITimer> _delayedWills = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = options.TimeProvider;
    private bool _stopping;

    public int SessionCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Tests and diagnostics: (queued, in flight) of a session, or null when there is none.</summary>
    public (int Queued, int InFlight)? SessionState(string clientId)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(clientId, out var s) ? (s.QueuedCount, s.InFlightCount) : null;
        }
    }

    /// <summary>
    /// Binds a connection to its session (taking over a live one, discarding it on Clean Start or expiry), queues the
    /// CONNACK built for the resulting Session Present flag, then resends the resumed session's messages.
    /// </summary>
    public BrokerSession Connect(BrokerConnection connection, bool cleanStart, uint expiryInterval, Func<bool, MqttConnAckPacket> connAck)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var clientId = connection.ClientId;
            if (_delayedWills.Remove(clientId, out var pendingWill))
            {
                // A new connection to the session before the will delay ran out: no will [MQTT-3.1.3-9].
                pendingWill.Dispose();
            }

            if (_sessions.TryGetValue(clientId, out var existing))
            {
                if (existing.Connection is { } old)
                {
                    TakeOver(old, cleanStart);
                    existing.Detach(old, now);
                }

                if (cleanStart || existing.IsExpired(_time, now))
                {
                    Remove(existing);
                    existing = null;
                }
            }

            var session = existing ?? new BrokerSession(clientId, options.MaximumQueuedMessagesPerSession);
            _sessions[clientId] = session;
            session.ExpiryInterval = expiryInterval;
            connection.Channel.Send(connAck(existing is not null));
            session.Attach(connection);
            return session;
        }
    }

    /// <summary>The connection ended; the will goes out unless the client sent DISCONNECT 0x00 (<paramref name="will"/> null then).</summary>
    public void Disconnected(BrokerConnection connection, MqttWillMessage? will, uint? newExpiryInterval)
    {
        lock (_gate)
        {
            if (connection.Session is not { } session || session.Connection != connection)
            {
                return;
            }

            session.Detach(connection, _time.GetTimestamp());
            session.ExpiryInterval = newExpiryInterval ?? session.ExpiryInterval;
            if (will is not null && !_stopping)
            {
                var delay = Math.Min(will.Properties.WillDelayInterval ?? 0, session.ExpiryInterval);
                ScheduleWill(session.ClientId, will, delay);
            }

            if (session.ExpiryInterval == 0)
            {
                Remove(session);
            }
        }
    }

    public void Publish(BrokerMessage message)
    {
        lock (_gate)
        {
            Route(message);
        }
    }

    public void Subscribe(BrokerSession session, IReadOnlyList<BrokerSubscription> accepted, Action sendSubAck)
    {
        lock (_gate)
        {
            var isNew = new bool[accepted.Count];
            for (var i = 0; i < accepted.Count; i++)
            {
                var subscription = accepted[i];
                isNew[i] = !session.Subscriptions.ContainsKey(subscription.Options.TopicFilter);
                session.Subscriptions[subscription.Options.TopicFilter] = subscription;
                _router.Join(session, subscription);
            }

            sendSubAck();
            for (var i = 0; i < accepted.Count; i++)
            {
                var subscription = accepted[i];
                var handling = subscription.Options.RetainHandling;
                if (subscription.IsShared || handling == MqttRetainHandling.DoNotSend || (handling == MqttRetainHandling.SendAtSubscribeIfNew && !isNew[i]))
                {
                    continue;
                }

                _router.SendRetained(session, subscription);
            }
        }
    }

    public IReadOnlyList<MqttReasonCode> Unsubscribe(BrokerSession session, IReadOnlyList<string> filters)
    {
        lock (_gate)
        {
            var codes = new MqttReasonCode[filters.Count];
            for (var i = 0; i < filters.Count; i++)
            {
                if (session.Subscriptions.Remove(filters[i], out var removed))
                {
                    _router.Leave(session, removed);
                    codes[i] = MqttReasonCode.Success;
                }
                else
                {
                    codes[i] = MqttReasonCode.NoSubscriptionExisted;
                }
            }

            return codes;
        }
    }

    /// <summary>Runs <paramref name="action"/> on a session under the lock (acknowledgements, QoS 2 bookkeeping).</summary>
    public T WithSession<T>(BrokerSession session, Func<BrokerSession, T> action)
    {
        lock (_gate)
        {
            return action(session);
        }
    }

    /// <summary>Hands the persistent sessions and retained messages to <paramref name="save"/> under the lock (after <see cref="Stop"/>).</summary>
    public void Export(Action<IEnumerable<BrokerSession>, IEnumerable<BrokerMessage>> save)
    {
        lock (_gate)
        {
            save(_sessions.Values.Where(s => s.ExpiryInterval > 0 && !s.IsExpired(_time, _time.GetTimestamp())), _router.Retained.All);
        }
    }

    /// <summary>Adds stored sessions (with their subscriptions) and retained messages before the broker accepts connections.</summary>
    public void Import(IEnumerable<BrokerSession> sessions, IEnumerable<BrokerMessage> retained)
    {
        lock (_gate)
        {
            foreach (var session in sessions)
            {
                _sessions[session.ClientId] = session;
                foreach (var subscription in session.Subscriptions.Values)
                {
                    _router.Join(session, subscription);
                }
            }

            foreach (var message in retained)
            {
                _router.Retained.Store(message);
            }
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            foreach (var timer in _delayedWills.Values)
            {
                timer.Dispose();
            }

            _delayedWills.Clear();
        }
    }

    internal static MqttQualityOfService Min(MqttQualityOfService a, MqttQualityOfService b) => a < b ? a : b;

    internal static BrokerMessage FromWill(MqttWillMessage will, string clientId) => new(
        will.Topic,
        will.Payload,
        will.QualityOfService,
        will.Retain,
        // Will Delay Interval belongs to CONNECT; everything else in the will properties is a valid PUBLISH property.
        new MqttProperties(will.Properties.Items.Where(p => p.Id != MqttPropertyId.WillDelayInterval)),
        clientId);

    private void TakeOver(BrokerConnection old, bool cleanStart)
    {
        // [MQTT-3.1.4-3]: the existing connection is closed (MQTT 5: DISCONNECT 0x8E). Its will is published now unless
        // it is delayed and the session continues.
        if (old.TakeWill() is { } will && (cleanStart || (will.Properties.WillDelayInterval ?? 0) == 0))
        {
            Route(FromWill(will, old.ClientId));
        }

        old.Kick(MqttReasonCode.SessionTakenOver, "Another connection took over the session.");
    }

    private void ScheduleWill(string clientId, MqttWillMessage will, uint delaySeconds)
    {
        if (delaySeconds == 0)
        {
            Route(FromWill(will, clientId));
            return;
        }

        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            lock (_gate)
            {
                if (_delayedWills.TryGetValue(clientId, out var current) && current == timer)
                {
                    _delayedWills.Remove(clientId);
                    Route(FromWill(will, clientId));
                }
            }
        }, null, TimeSpan.FromSeconds(delaySeconds), Timeout.InfiniteTimeSpan);
        _delayedWills[clientId] = timer;
    }

    private void Route(BrokerMessage message) => _router.Route(message, _sessions.Values)?.ForEach(Remove);

    private void Remove(BrokerSession session)
    {
        if (_sessions.TryGetValue(session.ClientId, out var current) && current == session)
        {
            _sessions.Remove(session.ClientId);
        }

        foreach (var subscription in session.Subscriptions.Values)
        {
            _router.Leave(session, subscription);
        }
    }
}
