using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// Streaming MQTT packet decoder for one connection direction (System.IO.Pipelines style): <see cref="TryDecode"/>
/// returns false and consumes nothing while a packet is incomplete, and refuses a packet larger than
/// <see cref="MaximumPacketSize"/> as soon as its fixed header is read, before any of the body is buffered.
/// Malformed input always throws <see cref="MqttProtocolException"/>; the connection must then be closed.
/// CONNECT is decoded according to its own protocol level; other packets according to <see cref="ProtocolVersion"/>.
/// </summary>
public sealed class MqttPacketDecoder
{
    /// <summary>Largest packet the protocol can express: 1 byte type, 4 bytes remaining length, 268,435,455 bytes.</summary>
    public const int ProtocolMaximumPacketSize = 1 + 4 + (int)VariableByteInteger.MaxValue;

    public MqttPacketDecoder(MqttProtocolVersion protocolVersion, int maximumPacketSize)
    {
        if (!Enum.IsDefined(protocolVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(protocolVersion), protocolVersion, "Unknown protocol version.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumPacketSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumPacketSize, ProtocolMaximumPacketSize);
        ProtocolVersion = protocolVersion;
        MaximumPacketSize = maximumPacketSize;
    }

    public MqttProtocolVersion ProtocolVersion { get; }

    /// <summary>Total packet size limit in bytes (fixed header included), as MQTT 5's Maximum Packet Size.</summary>
    public int MaximumPacketSize { get; }

    /// <summary>
    /// Decodes the packet at the start of <paramref name="buffer"/> and slices it off. Returns false, leaving
    /// <paramref name="buffer"/> as it was, when more bytes are needed: the caller then advances its reader with
    /// consumed = buffer.Start and examined = buffer.End.
    /// </summary>
    public bool TryDecode(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out MqttPacket? packet)
    {
        packet = null;
        if (buffer.IsEmpty)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[5];
        header = header[..(int)Math.Min(buffer.Length, header.Length)];
        buffer.Slice(0, header.Length).CopyTo(header);
        if (!TryReadFixedHeader(header, out var type, out var remainingLength, out var lengthSize, out var total)
            || buffer.Length < total)
        {
            return false;
        }

        var body = buffer.Slice(1 + lengthSize, remainingLength);
        packet = body.IsSingleSegment
            ? MqttPacketBodyFormatter.Read(header[0], body.FirstSpan, ProtocolVersion)
            : ReadMultiSegment(header[0], type, body);
        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>Decodes exactly one complete packet; incomplete input or trailing bytes are malformed.</summary>
    public MqttPacket Decode(ReadOnlySpan<byte> packetBytes)
    {
        if (packetBytes.IsEmpty
            || !TryReadFixedHeader(packetBytes, out _, out var remainingLength, out var lengthSize, out var total)
            || packetBytes.Length < total)
        {
            throw MqttProtocolException.Malformed($"Packet is incomplete ({packetBytes.Length} bytes).");
        }

        if (packetBytes.Length > total)
        {
            throw MqttProtocolException.Malformed($"{packetBytes.Length - total} bytes follow the packet.");
        }

        return MqttPacketBodyFormatter.Read(packetBytes[0], packetBytes.Slice(1 + lengthSize, (int)remainingLength), ProtocolVersion);
    }

    /// <summary>
    /// Reads type and remaining length from the first bytes (at least one); false when the remaining length is
    /// still incomplete. Throws for a reserved type, a bad remaining length, or a packet over the size limit.
    /// </summary>
    private bool TryReadFixedHeader(ReadOnlySpan<byte> header, out MqttPacketType type, out uint remainingLength,
        out int lengthSize, out long total)
    {
        type = MqttPacketBodyFormatter.CheckType(header[0], ProtocolVersion);
        total = 0;
        if (!VariableByteInteger.TryRead(header[1..], out remainingLength, out lengthSize))
        {
            return false;
        }

        total = 1L + lengthSize + remainingLength;
        if (total > MaximumPacketSize)
        {
            throw new MqttProtocolException(MqttReasonCode.PacketTooLarge,
                $"{type} packet of {total} bytes exceeds the maximum packet size {MaximumPacketSize}.");
        }

        return true;
    }

    private MqttPacket ReadMultiSegment(byte firstByte, MqttPacketType type, ReadOnlySequence<byte> body)
    {
        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return MqttPacketBodyFormatter.Read(firstByte, rented.AsSpan(0, length), ProtocolVersion);
        }
        finally
        {
            // CONNECT carries the password: don't leave it in a pooled buffer.
            ArrayPool<byte>.Shared.Return(rented, clearArray: type == MqttPacketType.Connect);
        }
    }
}
