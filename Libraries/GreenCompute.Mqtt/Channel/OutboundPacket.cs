using GreenCompute.Mqtt.Packets;

namespace GreenCompute.Mqtt.Channel;

/// <summary>A packet waiting in a channel's outbound queue; <see cref="Written"/> completes once it has been flushed.</summary>
internal readonly record struct OutboundPacket(MqttPacket Packet, TaskCompletionSource? Written);
