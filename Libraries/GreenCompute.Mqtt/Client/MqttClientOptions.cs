using System.ComponentModel.DataAnnotations;
using System.Net.Security;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Everything <see cref="MqttClient"/> needs to connect and stay connected. Defaults point at a broker on loopback,
/// MQTT 5, a clean session, keep alive 60 s and automatic reconnection.
/// </summary>
public sealed class MqttClientOptions
{
    public const string SectionName = "Mqtt:Client";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>TLS over TCP when set (SslStream). A null <c>TargetHost</c> means <see cref="Host"/>.</summary>
    public SslClientAuthenticationOptions? Tls { get; set; }

    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    /// <summary>
    /// Empty lets an MQTT 5 server assign one (see <see cref="MqttConnectResult.AssignedClientIdentifier"/>); a persistent
    /// session needs a stable identifier.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// Clean Session (3.1.1) or Clean Start (5.0) of the first connection. With MQTT 5 and a non-zero
    /// <see cref="SessionExpiryInterval"/>, reconnections always ask to resume the session.
    /// </summary>
    public bool CleanStart { get; set; } = true;

    /// <summary>MQTT 5 Session Expiry Interval in seconds: 0 ends the session with the connection, uint.MaxValue never.</summary>
    public uint SessionExpiryInterval { get; set; }

    public string? UserName { get; set; }

    /// <summary>Sent as UTF-8 bytes. MQTT 3.1.1 needs a <see cref="UserName"/> with it.</summary>
    public string? Password { get; set; }

    /// <summary>Whole seconds, at most 65,535; zero turns keep alive off. A server keep alive (MQTT 5) replaces it.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for PINGRESP before the connection is declared dead; null means one keep alive period.</summary>
    public TimeSpan? PingTimeout { get; set; }

    /// <summary>Bounds the TCP/TLS handshake and the wait for CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public MqttWillMessage? Will { get; set; }

    /// <summary>MQTT 5: how many QoS 1/2 messages the server may have unacknowledged towards us (sent only when set).</summary>
    public ushort? ReceiveMaximum { get; set; }

    /// <summary>MQTT 5: largest packet we accept, announced to the server; null means the protocol maximum.</summary>
    public uint? MaximumPacketSize { get; set; }

    /// <summary>MQTT 5: how many topic aliases the server may use towards us (0 = none, not announced).</summary>
    public ushort TopicAliasMaximum { get; set; }

    /// <summary>
    /// MQTT 5: send repeated topics as topic aliases, up to the server's Topic Alias Maximum per connection (first come,
    /// first served; further topics go out in full). Off by default.
    /// </summary>
    public bool UseTopicAliases { get; set; }

    /// <summary>Reconnect with capped exponential backoff after a lost connection (not after <see cref="MqttClient.DisconnectAsync"/>).</summary>
    public bool AutoReconnect { get; set; } = true;

    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaximumReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Each backoff delay is spread by ± this fraction so a fleet does not reconnect in step; 0 for exact delays.</summary>
    [Range(0.0, 1.0)]
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>
    /// Messages accepted but not yet sent (offline, or held back by the server's Receive Maximum). When full, the oldest
    /// QoS 0 message is dropped; without one, a new QoS 0 message is dropped and a new QoS 1/2 message is refused with
    /// <see cref="MqttPendingQueueFullException"/>.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int PendingQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// How many received messages may be in the application's handler at once. Handlers are always started one at a
    /// time in arrival order (their synchronous part runs in order); with more than 1, the next starts before the previous
    /// one's task completes. Each acknowledgement still waits for its own handler, and acknowledgements go out in
    /// arrival order [MQTT-4.6.0-2]: nothing is acknowledged before the application has finished with it.
    /// </summary>
    [Range(1, 65535)]
    public int MaximumConcurrentHandlers { get; set; } = 1;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILogger Logger { get; set; } = NullLogger.Instance;

    internal ushort KeepAliveSeconds => (ushort)KeepAlive.TotalSeconds;

    internal void Validate()
    {
        if (KeepAlive < TimeSpan.Zero || KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue) || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("KeepAlive must be whole seconds between 0 and 65535.", nameof(KeepAlive));
        }

        if (!Enum.IsDefined(ProtocolVersion))
        {
            throw new ArgumentException($"Unknown protocol version {ProtocolVersion}.", nameof(ProtocolVersion));
        }

        var isV5 = ProtocolVersion == MqttProtocolVersion.V500;
        if (!isV5 && (SessionExpiryInterval != 0 || ReceiveMaximum is not null || MaximumPacketSize is not null || TopicAliasMaximum != 0 || UseTopicAliases))
        {
            throw new ArgumentException("Session expiry, receive maximum, maximum packet size and topic aliases need MQTT 5.");
        }

        if (!isV5 && ClientId.Length == 0 && !CleanStart)
        {
            throw new ArgumentException("MQTT 3.1.1 needs a client identifier for a persistent session [MQTT-3.1.3-7].", nameof(ClientId));
        }

        if (!isV5 && Password is not null && UserName is null)
        {
            throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name.", nameof(Password));
        }

        if (ReceiveMaximum == 0 || MaximumPacketSize == 0)
        {
            throw new ArgumentException("ReceiveMaximum and MaximumPacketSize must not be 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectDelay, TimeSpan.Zero, nameof(ReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumReconnectDelay, ReconnectDelay, nameof(MaximumReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(PendingQueueCapacity, 1, nameof(PendingQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumConcurrentHandlers, 1, nameof(MaximumConcurrentHandlers));
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Logger);
    }
}
