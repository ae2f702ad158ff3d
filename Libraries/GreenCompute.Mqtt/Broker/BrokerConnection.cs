using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// One client connection: CONNECT within the connect timeout, then the read loop. Any malformed or forbidden input ends
/// the connection (MQTT 5: DISCONNECT with the reason code first) and is logged with its reason; it never escapes.
/// </summary>
internal sealed class BrokerConnection(MqttPacketChannel channel, BrokerCore core, MqttBrokerOptions options, string remote)
{
    private readonly BrokerPacketHandler _handler = new(options);

    // Started with the connection (not when the read loop gets to it) so a test clock cannot run ahead of it.
    private readonly CancellationTokenSource _connectDeadline = new(options.ConnectTimeout, options.TimeProvider);
    private MqttWillMessage? _will;
    private string? _closeReason;
    private BrokerKeepAlive? _keepAlive;

    public MqttPacketChannel Channel => channel;

    public string Remote => remote;

    public MqttProtocolVersion ProtocolVersion => channel.ProtocolVersion;

    public string ClientId { get; private set; } = "";

    public string? UserName { get; private set; }

    public ushort ClientReceiveMaximum { get; private set; } = ushort.MaxValue;

    public BrokerSession? Session { get; private set; }

    public BrokerCore Core => core;

    /// <summary>The will, handed over once (takeover or abnormal close); null after a normal DISCONNECT.</summary>
    public MqttWillMessage? TakeWill() => Interlocked.Exchange(ref _will, null);

    /// <summary>Closes the connection from the broker's side (under the core lock: never blocks).</summary>
    public void Kick(MqttReasonCode reasonCode, string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        if (ProtocolVersion == MqttProtocolVersion.V500)
        {
            channel.Send(new MqttDisconnectPacket { ReasonCode = reasonCode });
        }

        _ = channel.FlushAndCloseAsync(TimeSpan.FromSeconds(1));
    }

    public async Task RunAsync()
    {
        var graceful = false;
        uint? expiryOnDisconnect = null;
        try
        {
            if (!await HandshakeAsync().ConfigureAwait(false))
            {
                return;
            }

            while (await channel.ReceiveAsync(channel.Closed).ConfigureAwait(false) is { } packet)
            {
                _keepAlive?.PacketReceived();
                if (packet is MqttDisconnectPacket disconnect)
                {
                    (graceful, expiryOnDisconnect) = _handler.Disconnect(this, disconnect);
                    Interlocked.CompareExchange(ref _closeReason, $"DISCONNECT {disconnect.ReasonCode}", null);
                    return;
                }

                _handler.Handle(this, packet);
            }

            Interlocked.CompareExchange(ref _closeReason, "the connection was closed without DISCONNECT", null);
        }
        catch (MqttProtocolException error)
        {
            Interlocked.CompareExchange(ref _closeReason, $"protocol violation {error.ReasonCode}", null);
            BrokerLog.ProtocolViolation(options.Logger, remote, ClientId, error.ReasonCode.ToString(), error.Message);
            await RejectAsync(error).ConfigureAwait(false);
        }
        finally
        {
            _keepAlive?.Dispose();
            if (Session is not null)
            {
                core.Disconnected(this, graceful ? null : TakeWill(), expiryOnDisconnect);
                BrokerLog.ClientDisconnected(options.Logger, ClientId, remote, _closeReason ?? "closed");
            }

            channel.Close();
        }
    }

    private async Task<bool> HandshakeAsync()
    {
        MqttPacket? first;
        using (_connectDeadline)
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_connectDeadline.Token, channel.Closed))
        {
            first = await channel.ReceiveAsync(linked.Token).ConfigureAwait(false);
            if (first is null)
            {
                BrokerLog.ClosedBeforeConnect(options.Logger, remote, _connectDeadline.IsCancellationRequested ? "no CONNECT within the connect timeout" : "closed by the peer");
                return false;
            }
        }

        if (first is not MqttConnectPacket connect)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"The first packet must be CONNECT, not {first.Type} [MQTT-3.1.0-1].");
        }

        channel.UseProtocolVersion(connect.ProtocolVersion, options.MaximumPacketSize);
        var decision = ConnectNegotiator.Decide(connect, options);
        if (decision.Accepted && connect.Will is { } will && options.Authorizer?.CanPublish(decision.ClientId, connect.UserName, will.Topic) == false)
        {
            decision = decision with { ReasonCode = MqttReasonCode.NotAuthorized, Reason = $"Will topic '{will.Topic}' is not allowed." };
        }

        if (decision.Accepted && options.Authenticator is { } authenticator)
        {
            var verdict = await authenticator.AuthenticateAsync(decision.ClientId, connect.UserName, connect.Password, channel.Closed).ConfigureAwait(false);
            if (verdict != MqttReasonCode.Success)
            {
                decision = decision with { ReasonCode = verdict, Reason = "Authentication failed." };
            }
        }

        if (!decision.Accepted)
        {
            BrokerLog.ConnectRefused(options.Logger, remote, decision.ReasonCode.ToString(), decision.Reason);
            channel.Send(ConnectNegotiator.Refuse(decision.ReasonCode, connect.ProtocolVersion));
            await channel.FlushAndCloseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return false;
        }

        ClientId = decision.ClientId;
        UserName = connect.UserName;
        ClientReceiveMaximum = decision.ClientReceiveMaximum;
        channel.MaximumOutgoingPacketSize = decision.ClientMaximumPacketSize;
        _will = connect.Will;
        if (decision.KeepAliveSeconds > 0)
        {
            // Armed before CONNACK is queued: the client's clock for keep alive starts when it receives CONNACK.
            _keepAlive = new BrokerKeepAlive(decision.KeepAliveSeconds, options.TimeProvider,
                () => Kick(MqttReasonCode.KeepAliveTimeout, $"keep alive timeout (nothing received for 1.5 × {decision.KeepAliveSeconds} s)"));
        }

        var sessionPresent = false;
        Session = core.Connect(this, connect.CleanSession, decision.ExpiryInterval, present =>
        {
            sessionPresent = present;
            return ConnectNegotiator.Accept(decision, present, options, connect.ProtocolVersion);
        });

        BrokerLog.ClientConnected(options.Logger, ClientId, remote, connect.ProtocolVersion.ToString(), sessionPresent, decision.KeepAliveSeconds);
        return true;
    }

    /// <summary>
    /// Answers a protocol violation as well as the connection's state allows: CONNACK 0x01 for an unsupported protocol
    /// level before CONNECT completed [MQTT-3.1.2-2], DISCONNECT with the reason code on MQTT 5, then close.
    /// </summary>
    private async Task RejectAsync(MqttProtocolException error)
    {
        if (Session is null && error.ReasonCode == MqttReasonCode.UnsupportedProtocolVersion)
        {
            channel.Send(ConnectNegotiator.Refuse(MqttReasonCode.UnsupportedProtocolVersion, MqttProtocolVersion.V311));
        }
        else if (Session is not null && ProtocolVersion == MqttProtocolVersion.V500)
        {
            channel.Send(new MqttDisconnectPacket { ReasonCode = DisconnectCode(error.ReasonCode) });
        }

        await channel.FlushAndCloseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
    }

    /// <summary>Not every decoder reason code is valid in DISCONNECT; the rest become Protocol Error.</summary>
    private static MqttReasonCode DisconnectCode(MqttReasonCode code)
    {
        try
        {
            MqttReasonCodeRules.Check(MqttPacketType.Disconnect, code);
            return (byte)code >= 0x80 ? code : MqttReasonCode.ProtocolError;
        }
        catch (MqttProtocolException)
        {
            return MqttReasonCode.ProtocolError;
        }
    }
}
