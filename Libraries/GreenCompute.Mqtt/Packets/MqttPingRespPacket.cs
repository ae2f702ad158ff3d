using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PINGRESP (spec 3.13): two bytes, D0 00.</summary>
public sealed record MqttPingRespPacket : MqttPacket
{
    public static MqttPingRespPacket Instance { get; } = new();

    public override MqttPacketType Type => MqttPacketType.PingResp;
}
