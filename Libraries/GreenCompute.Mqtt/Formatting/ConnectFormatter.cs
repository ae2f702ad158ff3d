using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>CONNECT (spec 3.1). The protocol level is read from the packet, not taken from the decoder.</summary>
internal static class ConnectFormatter
{
    private const byte CleanSessionFlag = 0x02;
    private const byte WillFlag = 0x04;
    private const byte WillRetainFlag = 0x20;
    private const byte PasswordFlag = 0x40;
    private const byte UserNameFlag = 0x80;

    public static MqttConnectPacket Read(ref MqttSpanReader reader)
    {
        var name = reader.ReadString();
        var level = reader.ReadByte();
        var version = (name, level) switch
        {
            ("MQTT", 4) => MqttProtocolVersion.V311,
            ("MQTT", 5) => MqttProtocolVersion.V500,
            ("MQIsdp", 3) => MqttProtocolVersion.V310,
            ("MQTT" or "MQIsdp", _) => throw new MqttProtocolException(
                MqttReasonCode.UnsupportedProtocolVersion, $"Unsupported protocol level {level} for protocol name '{name}'."),
            _ => throw MqttProtocolException.Malformed($"Unknown protocol name '{name}'."),
        };
        var flags = reader.ReadByte();
        if ((flags & 0x01) != 0)
        {
            throw MqttProtocolException.Malformed("CONNECT reserved flag (bit 0) is set.");
        }

        var willQoS = (flags >> 3) & 0x03;
        if (willQoS == 3)
        {
            throw MqttProtocolException.Malformed("CONNECT will QoS is 3.");
        }

        var hasWill = (flags & WillFlag) != 0;
        if (!hasWill && (willQoS != 0 || (flags & WillRetainFlag) != 0))
        {
            throw MqttProtocolException.Malformed("CONNECT will QoS or will retain is set without the will flag.");
        }

        var hasUserName = (flags & UserNameFlag) != 0;
        var hasPassword = (flags & PasswordFlag) != 0;
        if (version != MqttProtocolVersion.V500 && hasPassword && !hasUserName)
        {
            throw MqttProtocolException.Malformed("CONNECT has a password flag without a user name flag.");
        }

        var keepAlive = reader.ReadUInt16();
        var properties = version == MqttProtocolVersion.V500
            ? MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.Connect)
            : MqttProperties.Empty;
        var clientId = reader.ReadString();
        MqttWillMessage? will = null;
        if (hasWill)
        {
            var willProperties = version == MqttProtocolVersion.V500
                ? MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.Will)
                : MqttProperties.Empty;
            var topic = reader.ReadString();
            PublishFormatter.CheckTopicName(topic, hasTopicAlias: false);
            will = new MqttWillMessage
            {
                Topic = topic,
                Payload = reader.ReadBinary(),
                QualityOfService = (MqttQualityOfService)willQoS,
                Retain = (flags & WillRetainFlag) != 0,
                Properties = willProperties,
            };
        }

        var userName = hasUserName ? reader.ReadString() : null;
        ReadOnlyMemory<byte>? password = hasPassword ? reader.ReadBinary() : (ReadOnlyMemory<byte>?)null;
        reader.EnsureEnd(MqttPacketType.Connect);
        return new MqttConnectPacket
        {
            ProtocolVersion = version,
            ClientId = clientId,
            CleanSession = (flags & CleanSessionFlag) != 0,
            KeepAliveSeconds = keepAlive,
            UserName = userName,
            Password = password,
            Will = will,
            Properties = properties,
        };
    }

    public static void Write(ref MqttSpanWriter writer, MqttConnectPacket packet, MqttProtocolVersion version)
    {
        if (packet.ProtocolVersion != version)
        {
            throw MqttProtocolException.ProtocolError($"CONNECT is for {packet.ProtocolVersion} but the encoder is for {version}.");
        }

        var isV5 = version == MqttProtocolVersion.V500;
        if (!isV5 && packet.Password is not null && packet.UserName is null)
        {
            throw MqttProtocolException.ProtocolError("MQTT 3.1.1 does not allow a password without a user name.");
        }

        writer.WriteString(version == MqttProtocolVersion.V310 ? "MQIsdp" : "MQTT");
        writer.WriteByte((byte)version);
        writer.WriteByte(GetFlags(packet));
        writer.WriteUInt16(packet.KeepAliveSeconds);
        WriteProperties(ref writer, packet.Properties, MqttPropertyScope.Connect, isV5);
        writer.WriteString(packet.ClientId);
        if (packet.Will is { } will)
        {
            WriteProperties(ref writer, will.Properties, MqttPropertyScope.Will, isV5);
            PublishFormatter.CheckTopicName(will.Topic, hasTopicAlias: false);
            writer.WriteString(will.Topic);
            writer.WriteBinary(will.Payload.Span);
        }

        if (packet.UserName is { } userName)
        {
            writer.WriteString(userName);
        }

        if (packet.Password is { } password)
        {
            writer.WriteBinary(password.Span);
        }
    }

    /// <summary>Writes a property block for MQTT 5; for 3.1.1 the block must be empty and nothing is written.</summary>
    public static void WriteProperties(ref MqttSpanWriter writer, MqttProperties properties, MqttPropertyScope scope, bool isV5)
    {
        if (isV5)
        {
            MqttPropertiesFormatter.Write(ref writer, properties, scope);
        }
        else if (!properties.IsEmpty)
        {
            throw MqttProtocolException.ProtocolError($"{scope} properties need MQTT 5.0.");
        }
    }

    private static byte GetFlags(MqttConnectPacket packet)
    {
        var flags = packet.CleanSession ? CleanSessionFlag : (byte)0;
        if (packet.Will is { } will)
        {
            if (will.QualityOfService > MqttQualityOfService.ExactlyOnce)
            {
                throw MqttProtocolException.Malformed("Will QoS must be 0, 1 or 2.");
            }

            flags |= (byte)(WillFlag | ((byte)will.QualityOfService << 3) | (will.Retain ? WillRetainFlag : 0));
        }

        if (packet.UserName is not null)
        {
            flags |= UserNameFlag;
        }

        if (packet.Password is not null)
        {
            flags |= PasswordFlag;
        }

        return flags;
    }
}
