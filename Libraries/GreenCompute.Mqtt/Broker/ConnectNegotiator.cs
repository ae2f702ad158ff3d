using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>CONNECT → CONNACK rules that do not depend on session state (spec 3.1.3, 3.2.2): pure functions.</summary>
internal static class ConnectNegotiator
{
    public static ConnectDecision Decide(MqttConnectPacket connect, MqttBrokerOptions options)
    {
        var isV5 = connect.ProtocolVersion == MqttProtocolVersion.V500;
        var properties = connect.Properties;
        var clientId = connect.ClientId;
        var assigned = false;
        if (clientId.Length == 0)
        {
            if (!isV5 && !connect.CleanSession)
            {
                return Refused(MqttReasonCode.ClientIdentifierNotValid, "An empty client identifier needs clean session [MQTT-3.1.3-8].");
            }

            clientId = "auto-" + Guid.NewGuid().ToString("N");
            assigned = true;
        }

        if (properties.AuthenticationMethod is not null)
        {
            return Refused(MqttReasonCode.BadAuthenticationMethod, $"Enhanced authentication '{properties.AuthenticationMethod}' is not supported.");
        }

        if (properties.ReceiveMaximum == 0 || properties.MaximumPacketSize == 0)
        {
            return Refused(MqttReasonCode.ProtocolError, "Receive Maximum and Maximum Packet Size must not be 0.");
        }

        if (connect.Will is { } will && will.QualityOfService > options.MaximumQoS)
        {
            return Refused(MqttReasonCode.QoSNotSupported, $"Will QoS {(int)will.QualityOfService} is above the maximum {(int)options.MaximumQoS}.");
        }

        uint expiry = isV5 ? properties.SessionExpiryInterval ?? 0 : connect.CleanSession ? 0 : uint.MaxValue;
        if (options.MaximumSessionExpiryInterval is { } cap && expiry > cap)
        {
            expiry = cap;
        }

        var keepAlive = connect.KeepAliveSeconds;
        ushort? serverKeepAlive = null;
        if (isV5 && options.MaximumKeepAlive is { } maximum && (keepAlive == 0 || keepAlive > maximum))
        {
            keepAlive = maximum;
            serverKeepAlive = maximum;
        }

        return new ConnectDecision(MqttReasonCode.Success, "", clientId, assigned, expiry, keepAlive, serverKeepAlive,
            properties.ReceiveMaximum ?? ushort.MaxValue, properties.MaximumPacketSize);
    }

    public static MqttConnAckPacket Accept(ConnectDecision decision, bool sessionPresent, MqttBrokerOptions options, MqttProtocolVersion version)
    {
        if (version != MqttProtocolVersion.V500)
        {
            return new MqttConnAckPacket { SessionPresent = sessionPresent };
        }

        return new MqttConnAckPacket
        {
            SessionPresent = sessionPresent,
            Properties = new MqttProperties
            {
                ReceiveMaximum = options.ReceiveMaximum == ushort.MaxValue ? null : options.ReceiveMaximum,
                MaximumQoS = options.MaximumQoS == MqttQualityOfService.ExactlyOnce ? null : options.MaximumQoS,
                MaximumPacketSize = (uint)options.MaximumPacketSize,
                TopicAliasMaximum = options.TopicAliasMaximum == 0 ? null : options.TopicAliasMaximum,
                AssignedClientIdentifier = decision.ClientIdAssigned ? decision.ClientId : null,
                ServerKeepAlive = decision.ServerKeepAlive,
            },
        };
    }

    /// <summary>A refusal CONNACK; MQTT 3.1.1 has six return codes, so other reasons map to the nearest one.</summary>
    public static MqttConnAckPacket Refuse(MqttReasonCode reasonCode, MqttProtocolVersion version) => new()
    {
        ReasonCode = version == MqttProtocolVersion.V500 ? reasonCode : reasonCode switch
        {
            MqttReasonCode.UnsupportedProtocolVersion or MqttReasonCode.ClientIdentifierNotValid or MqttReasonCode.BadUserNameOrPassword
                or MqttReasonCode.NotAuthorized or MqttReasonCode.ServerUnavailable => reasonCode,
            MqttReasonCode.Banned or MqttReasonCode.BadAuthenticationMethod => MqttReasonCode.NotAuthorized,
            _ => MqttReasonCode.ServerUnavailable,
        },
    };

    private static ConnectDecision Refused(MqttReasonCode reasonCode, string reason) => new(reasonCode, reason, "", false, 0, 0, null, 0, null);
}
