using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>CONNECT (spec 3.1). The decoder fills <see cref="ProtocolVersion"/> from the packet itself.</summary>
public sealed record MqttConnectPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Connect;

    /// <summary>Must equal the encoder's version when encoding.</summary>
    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V311;

    public string ClientId { get; init; } = "";

    /// <summary>Clean Session (3.1.1) or Clean Start (5.0).</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep alive in seconds; 0 turns the mechanism off.</summary>
    public ushort KeepAliveSeconds { get; init; }

    public string? UserName { get; init; }

    /// <summary>Null when the password flag is 0; in 3.1.1 a password needs a user name.</summary>
    public ReadOnlyMemory<byte>? Password { get; init; }

    public MqttWillMessage? Will { get; init; }

    /// <summary>MQTT 5: session expiry, receive maximum, maximum packet size, topic alias maximum, auth, user properties.</summary>
    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
