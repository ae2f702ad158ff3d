using System.Buffers;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// Encodes packets for one protocol version. The packet is measured first, then written straight into the
/// destination (a PUBLISH payload is copied once, from the packet to the output). A packet that breaks the
/// specification or needs a newer version throws <see cref="MqttProtocolException"/>.
/// </summary>
public sealed class MqttPacketEncoder
{
    public MqttPacketEncoder(MqttProtocolVersion protocolVersion)
    {
        if (!Enum.IsDefined(protocolVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(protocolVersion), protocolVersion, "Unknown protocol version.");
        }

        ProtocolVersion = protocolVersion;
    }

    public MqttProtocolVersion ProtocolVersion { get; }

    /// <summary>Total encoded size in bytes, to check against the peer's Maximum Packet Size before sending.</summary>
    public int GetEncodedSize(MqttPacket packet) => Measure(packet).Total;

    public int Encode(MqttPacket packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var layout = Measure(packet);
        var head = output.GetSpan(layout.HeadLength);
        WriteHead(head, packet, layout);
        output.Advance(layout.HeadLength);
        if (packet is MqttPublishPacket { Payload.IsEmpty: false } publish)
        {
            output.Write(publish.Payload.Span);
        }

        return layout.Total;
    }

    public byte[] Encode(MqttPacket packet)
    {
        var layout = Measure(packet);
        var bytes = new byte[layout.Total];
        WriteHead(bytes, packet, layout);
        if (packet is MqttPublishPacket publish)
        {
            publish.Payload.Span.CopyTo(bytes.AsSpan(layout.HeadLength));
        }

        return bytes;
    }

    private Layout Measure(MqttPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var measure = MqttSpanWriter.Measure();
        MqttPacketBodyFormatter.Write(ref measure, packet, ProtocolVersion);
        var payloadLength = packet is MqttPublishPacket publish ? publish.Payload.Length : 0;
        var remaining = (long)measure.Position + payloadLength;
        if (remaining > VariableByteInteger.MaxValue)
        {
            throw new MqttProtocolException(MqttReasonCode.PacketTooLarge, $"{packet.Type} remaining length {remaining} exceeds {VariableByteInteger.MaxValue}.");
        }

        var headLength = 1 + VariableByteInteger.GetSize((uint)remaining) + measure.Position;
        return new Layout(MqttPacketBodyFormatter.FirstByte(packet), (uint)remaining, headLength, headLength + payloadLength);
    }

    private void WriteHead(Span<byte> destination, MqttPacket packet, Layout layout)
    {
        destination[0] = layout.FirstByte;
        var offset = 1 + VariableByteInteger.Write(destination[1..], layout.RemainingLength);
        var writer = new MqttSpanWriter(destination[offset..layout.HeadLength]);
        MqttPacketBodyFormatter.Write(ref writer, packet, ProtocolVersion);
    }

    private readonly record struct Layout(byte FirstByte, uint RemainingLength, int HeadLength, int Total);
}
