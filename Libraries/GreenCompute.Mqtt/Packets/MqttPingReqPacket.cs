using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PINGREQ (spec 3.12): two bytes, C0 00.</summary>
public sealed record MqttPingReqPacket : MqttPacket
{
    public static MqttPingReqPacket Instance { get; } = new();

    public override MqttPacketType Type => MqttPacketType.PingReq;
}
