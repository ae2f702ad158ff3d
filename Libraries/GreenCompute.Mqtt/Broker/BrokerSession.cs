using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// Server-side session state of one client identifier (spec 4.1): subscriptions, QoS 1/2 messages in flight towards the
/// client, messages queued while it is offline or its Receive Maximum is used up, and QoS 2 identifiers received and not
/// yet released. Not thread-safe: every member runs under <see cref="BrokerCore"/>'s lock.
/// </summary>
internal sealed class BrokerSession(string clientId, int maximumQueued)
{
    private readonly PacketIdentifierPool _ids = new();
    private readonly Dictionary<ushort, OutgoingDelivery> _inFlight = [];
    private readonly Queue<OutgoingDelivery> _queued = new();
    private readonly HashSet<ushort> _incomingQoS2 = [];
    private long _sequence;
    private bool _overflowing;

    public string ClientId { get; } = clientId;

    /// <summary>Keyed by the filter as subscribed (shared ones with their $share prefix).</summary>
    public Dictionary<string, BrokerSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public BrokerConnection? Connection { get; private set; }

    /// <summary>Seconds the session outlives its connection; uint.MaxValue never expires.</summary>
    public uint ExpiryInterval { get; set; }

    public long DisconnectedAt { get; set; }

    public long Dropped { get; private set; }

    public int QueuedCount => _queued.Count;

    public int InFlightCount => _inFlight.Count;

    public int IncomingQoS2Count => _incomingQoS2.Count;

    public bool IsExpired(TimeProvider time, long now) =>
        Connection is null && ExpiryInterval != uint.MaxValue && time.GetElapsedTime(DisconnectedAt, now) >= TimeSpan.FromSeconds(ExpiryInterval);

    /// <summary>
    /// Attaches a connection (its CONNACK is already queued) and, for a resumed session, resends in-flight messages in
    /// order [MQTT-4.4.0-1] — PUBREL for those already released — then whatever was queued.
    /// </summary>
    public void Attach(BrokerConnection connection)
    {
        Connection = connection;
        foreach (var delivery in _inFlight.Values.OrderBy(d => d.Sequence))
        {
            connection.Channel.Send(delivery.Released
                ? new MqttPubRelPacket { PacketIdentifier = delivery.PacketIdentifier }
                : delivery.ToPacket(connection.ProtocolVersion, dup: true));
        }

        Pump();
    }

    public void Detach(BrokerConnection connection, long now)
    {
        if (Connection == connection)
        {
            Connection = null;
            DisconnectedAt = now;
        }
    }

    /// <summary>
    /// QoS 0 goes out only while connected; QoS 1/2 are queued when offline or over the client's Receive Maximum, and
    /// dropped when the queue is full. True when this drop starts a burst of drops (to log once, not per message).
    /// </summary>
    public bool Deliver(OutgoingDelivery delivery)
    {
        if (delivery.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            if (Connection is { } connection)
            {
                Send(connection, delivery);
            }

            return false;
        }

        if (Connection is not null && _queued.Count == 0 && TrySendInFlight(delivery))
        {
            return false;
        }

        if (_queued.Count >= maximumQueued)
        {
            Dropped++;
            var startsBurst = !_overflowing;
            _overflowing = true;
            return startsBurst;
        }

        _queued.Enqueue(delivery);
        return false;
    }

    /// <summary>PUBACK or PUBCOMP: the flow ends, the identifier is free and the queue moves on.</summary>
    public bool Complete(ushort packetIdentifier, bool isPubComp)
    {
        if (!_inFlight.TryGetValue(packetIdentifier, out var delivery)
            || (isPubComp ? !delivery.Released : delivery.QualityOfService != MqttQualityOfService.AtLeastOnce))
        {
            return false;
        }

        _inFlight.Remove(packetIdentifier);
        _ids.Release(packetIdentifier);
        Pump();
        return true;
    }

    /// <summary>PUBREC: answer PUBREL, or end the flow when the client refused the message (reason 0x80 and up).</summary>
    public void Received(MqttPubRecPacket pubRec)
    {
        var known = _inFlight.TryGetValue(pubRec.PacketIdentifier, out var delivery) && delivery.QualityOfService == MqttQualityOfService.ExactlyOnce;
        if (known && (byte)pubRec.ReasonCode >= 0x80)
        {
            _inFlight.Remove(pubRec.PacketIdentifier);
            _ids.Release(pubRec.PacketIdentifier);
            Pump();
            return;
        }

        if (known)
        {
            delivery!.Released = true;
        }

        var notFound = !known && Connection?.ProtocolVersion == MqttProtocolVersion.V500;
        Connection?.Channel.Send(new MqttPubRelPacket
        {
            PacketIdentifier = pubRec.PacketIdentifier,
            ReasonCode = notFound ? MqttReasonCode.PacketIdentifierNotFound : MqttReasonCode.Success,
        });
    }

    /// <summary>What a session store keeps: in-flight deliveries in sending order, then the queue, and unreleased QoS 2 identifiers.</summary>
    public (IReadOnlyList<OutgoingDelivery> InFlight, IReadOnlyList<OutgoingDelivery> Queued, IReadOnlyList<ushort> IncomingQoS2) Snapshot() =>
        ([.. _inFlight.Values.OrderBy(d => d.Sequence)], [.. _queued], [.. _incomingQoS2]);

    /// <summary>Loads a stored session (not attached): in-flight deliveries keep their identifiers and are resent on resume.</summary>
    public void Restore(IEnumerable<OutgoingDelivery> inFlight, IEnumerable<OutgoingDelivery> queued, IEnumerable<ushort> incomingQoS2)
    {
        foreach (var delivery in inFlight)
        {
            _ids.Reserve(delivery.PacketIdentifier);
            delivery.Sequence = ++_sequence;
            _inFlight[delivery.PacketIdentifier] = delivery;
        }

        foreach (var delivery in queued)
        {
            _queued.Enqueue(delivery);
        }

        _incomingQoS2.UnionWith(incomingQoS2);
    }

    /// <summary>Incoming QoS 2 PUBLISH: true the first time the identifier is seen (route the message).</summary>
    public bool BeginIncomingQoS2(ushort packetIdentifier) => _incomingQoS2.Add(packetIdentifier);

    public bool ReleaseIncomingQoS2(ushort packetIdentifier) => _incomingQoS2.Remove(packetIdentifier);

    private bool TrySendInFlight(OutgoingDelivery delivery)
    {
        var connection = Connection!;
        if (_inFlight.Count >= connection.ClientReceiveMaximum || (delivery.PacketIdentifier = _ids.Allocate()) == 0)
        {
            return false;
        }

        if (!Send(connection, delivery))
        {
            _ids.Release(delivery.PacketIdentifier);
            return true;
        }

        delivery.Sequence = ++_sequence;
        _inFlight[delivery.PacketIdentifier] = delivery;
        return true;
    }

    /// <summary>False when the packet exceeds the client's Maximum Packet Size: it is discarded [MQTT-3.1.2-25].</summary>
    private bool Send(BrokerConnection connection, OutgoingDelivery delivery)
    {
        var packet = delivery.ToPacket(connection.ProtocolVersion, dup: false);
        if (!connection.Channel.Fits(packet))
        {
            Dropped++;
            return false;
        }

        connection.Channel.Send(packet);
        return true;
    }

    private void Pump()
    {
        while (Connection is not null && _queued.TryPeek(out var next) && TrySendInFlight(next))
        {
            _queued.Dequeue();
        }

        _overflowing &= _queued.Count >= maximumQueued / 2;
    }
}
