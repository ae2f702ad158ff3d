using System.ComponentModel.DataAnnotations;
using System.Net.Security;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GreenCompute.Mqtt.Broker;

/// <summary>Settings of the embedded broker. Defaults: loopback only, port 1883, no TLS, anyone may connect and use any topic.</summary>
public sealed class MqttBrokerOptions
{
    public const string SectionName = "Mqtt:Broker";

    /// <summary>IP address to listen on; loopback by default, so nothing is exposed unless asked.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>0 lets the OS pick a free port (see <see cref="MqttBroker.Port"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>TLS on the listener when set (SslStream with this certificate and settings).</summary>
    public SslServerAuthenticationOptions? Tls { get; set; }

    /// <summary>Largest packet accepted from a client, fixed header included; bigger ones close the connection (MQTT 5: DISCONNECT 0x95).</summary>
    [Range(64, 268_435_460)]
    public int MaximumPacketSize { get; set; } = 1024 * 1024;

    /// <summary>MQTT 5: QoS 2 publishes a client may have unreleased at once; exceeding it is DISCONNECT 0x93.</summary>
    [Range(1, 65535)]
    public ushort ReceiveMaximum { get; set; } = 100;

    public MqttQualityOfService MaximumQoS { get; set; } = MqttQualityOfService.ExactlyOnce;

    /// <summary>MQTT 5: topic aliases a client may use towards the broker (0 = none).</summary>
    public ushort TopicAliasMaximum { get; set; } = 10;

    /// <summary>Caps what clients ask for; MQTT 3.1.1 persistent sessions (clean session 0) get this cap too. Null = no cap.</summary>
    public uint? MaximumSessionExpiryInterval { get; set; }

    /// <summary>QoS 1/2 messages kept per session beyond those in flight; more are dropped (counted, logged once per burst).</summary>
    [Range(1, int.MaxValue)]
    public int MaximumQueuedMessagesPerSession { get; set; } = 1000;

    /// <summary>
    /// A SQLite file that keeps persistent sessions (subscriptions, in-flight and queued QoS 1/2 messages) and retained
    /// messages across a restart: written when the broker stops, read when it starts. Null = in memory only. A crash
    /// (no stop) loses what the broker held since it started.
    /// </summary>
    public string? SessionStorePath { get; set; }

    /// <summary>A connection must send CONNECT within this time or is closed.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>MQTT 5: when set, a client asking for more (or for none) is told this Server Keep Alive in seconds.</summary>
    public ushort? MaximumKeepAlive { get; set; }

    /// <summary>Null accepts every client.</summary>
    public IMqttBrokerAuthenticator? Authenticator { get; set; }

    /// <summary>Null allows every topic; <see cref="MqttDeviceAcl"/> is the GreenCompute device policy.</summary>
    public IMqttBrokerAuthorizer? Authorizer { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Connections, refusals, malformed input (with the reason), keep alive timeouts and ACL denials.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ListenAddress);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumPacketSize, 64, nameof(MaximumPacketSize));
        ArgumentOutOfRangeException.ThrowIfZero(ReceiveMaximum, nameof(ReceiveMaximum));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumQueuedMessagesPerSession, 1, nameof(MaximumQueuedMessagesPerSession));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        if (!Enum.IsDefined(MaximumQoS))
        {
            throw new ArgumentException($"QoS {(int)MaximumQoS} does not exist.", nameof(MaximumQoS));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Logger);
    }
}
