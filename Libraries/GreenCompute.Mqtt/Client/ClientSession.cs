using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// The client's sending state, which outlives connections: packet identifiers, the pending queue, QoS 1/2 messages in
/// flight and SUBSCRIBE/UNSUBSCRIBE awaiting their answer (receiving state: <see cref="IncomingQoS2Identifiers"/>).
/// One lock guards it all; packets are queued on the channel under that lock so they leave in decision order.
/// </summary>
internal sealed class ClientSession(MqttClientOptions options)
{
    private readonly Lock _gate = new();
    private readonly PacketIdentifierPool _ids = new();
    private readonly Dictionary<ushort, OutgoingPublish> _inFlight = [];
    private readonly PendingQueue _pending = new(options.PendingQueueCapacity);
    private readonly OutgoingTopicAliases _aliases = new();
    private readonly Dictionary<ushort, (MqttPacketType Expected, TaskCompletionSource<MqttPacket> Answer)> _requests = [];
    private MqttPacketChannel? _channel;
    private MqttConnectResult _limits = new();
    private long _sequence;
    private long _published;
    private Exception? _disposedError;

    public (long Published, long DroppedQoS0, long Refused, int Pending, int InFlight) Snapshot()
    {
        lock (_gate)
        {
            return (_published, _pending.DroppedQoS0, _pending.Refused, _pending.Count, _inFlight.Count);
        }
    }

    public Task<MqttPublishResult> Publish(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        OutgoingPublish item;
        lock (_gate)
        {
            ThrowIfDisposed();
            if (message.Retain && !_limits.RetainAvailable)
            {
                throw new MqttProtocolException(MqttReasonCode.RetainNotSupported, "The server does not support retained messages.");
            }

            item = new OutgoingPublish(message, ++_sequence);
            if (_channel is null || _pending.Count != 0 || !TrySend(item))
            {
                _pending.Add(item);
            }
        }

        if (cancellationToken.CanBeCanceled && !item.Completion.Task.IsCompleted)
        {
            item.CancellationRegistration = cancellationToken.Register(() => Cancel(item, cancellationToken));
        }

        return item.Completion.Task;
    }

    /// <summary>A new connection: resend what is in flight (as PUBREL once released, when the session survived), then the queue.</summary>
    public void Attach(MqttPacketChannel channel, MqttConnectResult limits)
    {
        lock (_gate)
        {
            _channel = channel;
            _limits = limits;
            _aliases.Reset(options.UseTopicAliases ? limits.TopicAliasMaximum : (ushort)0);
            // When the server forgot the session, our in-flight messages restart from PUBLISH (with DUP): at least
            // once rather than lost. PUBREL is resent only to a server that kept the session.
            foreach (var item in _inFlight.Values.OrderBy(i => i.Sequence))
            {
                if (item.Released && limits.SessionPresent)
                {
                    channel.Send(new MqttPubRelPacket { PacketIdentifier = item.PacketIdentifier });
                }
                else
                {
                    item.Released = false;
                    channel.Send(_aliases.Apply(item.ToPacket(dup: true)));
                }
            }

            Pump();
        }
    }

    public void Detach(MqttPacketChannel channel)
    {
        lock (_gate)
        {
            if (_channel != channel)
            {
                return;
            }

            _channel = null;
            foreach (var (id, request) in _requests)
            {
                _ids.Release(id);
                request.Answer.TrySetException(new MqttClientNotConnectedException($"The connection was lost before the {request.Expected}."));
            }

            _requests.Clear();
        }
    }

    /// <summary>PUBACK (QoS 1) or PUBCOMP (QoS 2) ends a flow; false for an identifier we are not waiting on.</summary>
    public bool Acknowledge(MqttPublishResponsePacket ack)
    {
        lock (_gate)
        {
            var expectsComp = ack is MqttPubCompPacket;
            if (!_inFlight.TryGetValue(ack.PacketIdentifier, out var item)
                || (expectsComp ? !item.Released : item.QualityOfService != MqttQualityOfService.AtLeastOnce))
            {
                return false;
            }

            var rejected = !expectsComp && (byte)ack.ReasonCode >= 0x80;
            Finish(item, rejected ? MqttPublishStatus.Rejected : MqttPublishStatus.Delivered, ack.ReasonCode, ack.Properties.ReasonString);
            return true;
        }
    }

    /// <summary>PUBREC: release with PUBREL, or end the flow when the server refused the message (reason 0x80 and up).</summary>
    public void Received(MqttPubRecPacket pubRec)
    {
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(pubRec.PacketIdentifier, out var item) || item.QualityOfService != MqttQualityOfService.ExactlyOnce)
            {
                var notFound = _channel?.ProtocolVersion == MqttProtocolVersion.V500 ? MqttReasonCode.PacketIdentifierNotFound : MqttReasonCode.Success;
                _channel?.Send(new MqttPubRelPacket { PacketIdentifier = pubRec.PacketIdentifier, ReasonCode = notFound });
                return;
            }

            if ((byte)pubRec.ReasonCode >= 0x80)
            {
                Finish(item, MqttPublishStatus.Rejected, pubRec.ReasonCode, pubRec.Properties.ReasonString);
                return;
            }

            item.Released = true;
            _channel?.Send(new MqttPubRelPacket { PacketIdentifier = item.PacketIdentifier });
        }
    }

    /// <summary>Sends a SUBSCRIBE or UNSUBSCRIBE built for a fresh identifier; the task ends with its SUBACK or UNSUBACK.</summary>
    public Task<MqttPacket> Request(MqttPacketType expected, Func<ushort, MqttPacket> build)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var channel = _channel ?? throw new MqttClientNotConnectedException($"Not connected: cannot wait for a {expected}.");
            var id = _ids.Allocate();
            if (id == 0)
            {
                throw new InvalidOperationException("All 65,535 packet identifiers are in use.");
            }

            var answer = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests[id] = (expected, answer);
            channel.Send(build(id));
            return answer.Task;
        }
    }

    /// <summary>SUBACK/UNSUBACK: false when nothing of that type waits on the identifier (a protocol error).</summary>
    public bool Answer(ushort packetIdentifier, MqttPacket answer)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(packetIdentifier, out var request) || request.Expected != answer.Type)
            {
                return false;
            }

            _requests.Remove(packetIdentifier);
            _ids.Release(packetIdentifier);
            request.Answer.TrySetResult(answer);
            return true;
        }
    }

    public void Dispose(Exception error)
    {
        lock (_gate)
        {
            _disposedError = error;
            foreach (var item in _inFlight.Values.Concat(_pending.Items))
            {
                item.Fail(error);
            }

            _inFlight.Clear();
            _pending.Clear();
            foreach (var request in _requests.Values)
            {
                request.Answer.TrySetException(error);
            }

            _requests.Clear();
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposedError is not null)
        {
            throw new ObjectDisposedException(nameof(MqttClient), _disposedError.Message);
        }
    }

    /// <summary>Sends now if the Receive Maximum quota allows; true when the item left the queue (sent or failed).</summary>
    private bool TrySend(OutgoingPublish item)
    {
        var channel = _channel!;
        item.QualityOfService = item.Message.QualityOfService;
        if (item.QualityOfService > _limits.MaximumQoS)
        {
            // Spec 3.2.2.3.4: never above the server's Maximum QoS. Refused rather than downgraded: a silent downgrade
            // would quietly weaken the delivery guarantee the caller asked for.
            item.Fail(new MqttProtocolException(MqttReasonCode.QoSNotSupported,
                $"The server's maximum QoS is {(int)_limits.MaximumQoS}; the QoS {(int)item.QualityOfService} message to '{item.Message.Topic}' was not sent."));
            return true;
        }

        if (item.QualityOfService != MqttQualityOfService.AtMostOnce)
        {
            if (_inFlight.Count >= _limits.ReceiveMaximum || (item.PacketIdentifier = _ids.Allocate()) == 0)
            {
                return false;
            }
        }

        var packet = item.ToPacket(dup: false);
        try
        {
            if (!channel.Fits(packet))
            {
                throw new MqttProtocolException(MqttReasonCode.PacketTooLarge,
                    $"The message to '{item.Message.Topic}' is larger than the server's maximum packet size {_limits.MaximumPacketSize}.");
            }
        }
        catch (MqttProtocolException error)
        {
            _ids.Release(item.PacketIdentifier);
            item.Fail(error);
            return true;
        }

        // After the size check: an alias only ever makes the packet smaller.
        packet = _aliases.Apply(packet);
        if (item.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            _ = CompleteWhenWrittenAsync(item, channel.SendAsync(packet));
            return true;
        }

        _inFlight[item.PacketIdentifier] = item;
        channel.Send(packet);
        return true;
    }

    private async Task CompleteWhenWrittenAsync(OutgoingPublish item, Task written)
    {
        try
        {
            await written.ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or MqttProtocolException)
        {
            // QoS 0 is at most once: a message caught in a dying connection is lost, and the caller is told so.
            item.Fail(error);
            return;
        }

        lock (_gate)
        {
            _published++;
        }

        item.Complete(MqttPublishStatus.Delivered);
    }

    private void Pump()
    {
        while (_channel is not null && _pending.First is { } item && TrySend(item))
        {
            _pending.Remove(item);
        }
    }

    private void Finish(OutgoingPublish item, MqttPublishStatus status, MqttReasonCode reasonCode, string? reasonString)
    {
        _inFlight.Remove(item.PacketIdentifier);
        _ids.Release(item.PacketIdentifier);
        if (status == MqttPublishStatus.Delivered)
        {
            _published++;
        }

        item.Complete(status, reasonCode, reasonString);
        Pump();
    }

    private void Cancel(OutgoingPublish item, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pending.Remove(item);
        }

        // A message already in flight keeps its flow (it cannot be unsent); only the caller stops waiting.
        item.Completion.TrySetCanceled(cancellationToken);
    }
}
