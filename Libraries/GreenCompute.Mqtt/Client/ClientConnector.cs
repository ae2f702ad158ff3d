using System.Security.Authentication;
using System.Net.Sockets;
using System.Text;
using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>One connection attempt: TCP (and TLS), CONNECT, CONNACK, all within <see cref="MqttClientOptions.ConnectTimeout"/>.</summary>
internal static class ClientConnector
{
    public static async Task<(MqttPacketChannel Channel, MqttConnectResult Result)> ConnectAsync(
        MqttClientOptions options, bool cleanStart, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var endpoint = $"{options.Host}:{options.Port}";
        Stream stream;
        try
        {
            stream = await MqttTcpConnector.ConnectAsync(options.Host, options.Port, options.Tls, linked.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SocketException or IOException or AuthenticationException
            || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MqttConnectException(MqttReasonCode.UnspecifiedError, $"Could not open {endpoint}: {error.Message}", error);
        }

        var maximumIncoming = options.MaximumPacketSize is { } max ? (int)Math.Min(max, MqttPacketDecoder.ProtocolMaximumPacketSize) : MqttPacketDecoder.ProtocolMaximumPacketSize;
        var channel = new MqttPacketChannel(stream, options.ProtocolVersion, maximumIncoming, options.TimeProvider);
        try
        {
            await channel.SendAsync(BuildConnect(options, cleanStart)).WaitAsync(linked.Token).ConfigureAwait(false);
            var packet = await channel.ReceiveAsync(linked.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (packet is not MqttConnAckPacket connAck)
            {
                var what = packet is not null ? $"sent {packet.Type} instead of CONNACK"
                    : timeout.IsCancellationRequested ? $"sent no CONNACK within {options.ConnectTimeout.TotalSeconds:0.###} s"
                    : "closed the connection before CONNACK";
                throw new MqttConnectException(MqttReasonCode.UnspecifiedError, $"{endpoint} {what}.");
            }

            if ((byte)connAck.ReasonCode >= 0x80)
            {
                throw new MqttConnectException(connAck.ReasonCode,
                    $"{endpoint} refused the connection: {connAck.ReasonCode} {connAck.Properties.ReasonString}".TrimEnd());
            }

            var result = MqttConnectResult.From(connAck, options.ClientId, options.KeepAliveSeconds);
            channel.MaximumOutgoingPacketSize = result.MaximumPacketSize;
            return (channel, result);
        }
        catch (Exception error) when (error is MqttProtocolException or IOException
            || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            var reason = error is MqttProtocolException protocol ? protocol.ReasonCode : MqttReasonCode.UnspecifiedError;
            throw new MqttConnectException(reason, $"Handshake with {endpoint} failed: {error.Message}", error);
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>For a reconnection: resume the session whenever one can exist on the server.</summary>
    public static bool CleanStartForReconnect(MqttClientOptions options) =>
        options.ProtocolVersion == MqttProtocolVersion.V500 ? options.CleanStart && options.SessionExpiryInterval == 0 : options.CleanStart;

    internal static MqttConnectPacket BuildConnect(MqttClientOptions options, bool cleanStart) => new()
    {
        ProtocolVersion = options.ProtocolVersion,
        ClientId = options.ClientId,
        CleanSession = cleanStart,
        KeepAliveSeconds = options.KeepAliveSeconds,
        UserName = options.UserName,
        // Careful: a null byte[] would convert to an empty, non-null ReadOnlyMemory (password flag set).
        Password = options.Password is { } password ? Encoding.UTF8.GetBytes(password) : (ReadOnlyMemory<byte>?)null,
        Will = options.Will,
        Properties = options.ProtocolVersion != MqttProtocolVersion.V500
            ? MqttProperties.Empty
            : new MqttProperties
            {
                SessionExpiryInterval = options.SessionExpiryInterval == 0 ? null : options.SessionExpiryInterval,
                ReceiveMaximum = options.ReceiveMaximum,
                MaximumPacketSize = options.MaximumPacketSize,
                TopicAliasMaximum = options.TopicAliasMaximum == 0 ? null : options.TopicAliasMaximum,
            },
    };
}
