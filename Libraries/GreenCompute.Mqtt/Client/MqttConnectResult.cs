using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>The server's CONNACK, with MQTT 5 limits resolved to their defaults when absent.</summary>
public sealed record MqttConnectResult
{
    public bool SessionPresent { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    /// <summary>The client identifier in use: ours, or the one an MQTT 5 server assigned.</summary>
    public string ClientId { get; init; } = "";

    public string? AssignedClientIdentifier { get; init; }

    /// <summary>Keep alive actually in force, in seconds (the server's, when it sent one).</summary>
    public ushort KeepAliveSeconds { get; init; }

    /// <summary>How many QoS 1/2 publishes may be unacknowledged at once (65,535 when not limited).</summary>
    public ushort ReceiveMaximum { get; init; } = ushort.MaxValue;

    public MqttQualityOfService MaximumQoS { get; init; } = MqttQualityOfService.ExactlyOnce;

    public bool RetainAvailable { get; init; } = true;

    public uint? MaximumPacketSize { get; init; }

    public ushort TopicAliasMaximum { get; init; }

    public string? ReasonString { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;

    internal static MqttConnectResult From(MqttConnAckPacket connAck, string clientId, ushort requestedKeepAlive)
    {
        var p = connAck.Properties;
        return new MqttConnectResult
        {
            SessionPresent = connAck.SessionPresent,
            ReasonCode = connAck.ReasonCode,
            ClientId = p.AssignedClientIdentifier ?? clientId,
            AssignedClientIdentifier = p.AssignedClientIdentifier,
            KeepAliveSeconds = p.ServerKeepAlive ?? requestedKeepAlive,
            ReceiveMaximum = p.ReceiveMaximum ?? ushort.MaxValue,
            MaximumQoS = p.MaximumQoS ?? MqttQualityOfService.ExactlyOnce,
            RetainAvailable = p.RetainAvailable ?? true,
            MaximumPacketSize = p.MaximumPacketSize,
            TopicAliasMaximum = p.TopicAliasMaximum ?? 0,
            ReasonString = p.ReasonString,
            Properties = p,
        };
    }
}
