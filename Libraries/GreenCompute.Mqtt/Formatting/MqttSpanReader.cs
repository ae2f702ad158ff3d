using System.Buffers.Binary;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>Reads MQTT data types from one packet body; reading past the end is a malformed packet.</summary>
internal ref struct MqttSpanReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly int Remaining => _buffer.Length - _position;

    public readonly bool End => _position == _buffer.Length;

    public byte ReadByte() => Take(1, "byte")[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2, "two byte integer"));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4, "four byte integer"));

    public uint ReadVariableByteInteger()
    {
        if (!VariableByteInteger.TryRead(_buffer[_position..], out var value, out var size))
        {
            throw MqttProtocolException.Malformed("Packet ends inside a variable byte integer.");
        }

        _position += size;
        return value;
    }

    public string ReadString() => MqttUtf8.Decode(Take(ReadUInt16(), "UTF-8 string"));

    public ReadOnlySpan<byte> ReadBinarySpan() => Take(ReadUInt16(), "binary data");

    public byte[] ReadBinary() => ReadBinarySpan().ToArray();

    public ReadOnlySpan<byte> ReadSpan(int length) => Take(length, "field");

    public ReadOnlySpan<byte> ReadToEnd() => Take(Remaining, "payload");

    public readonly void EnsureEnd(MqttPacketType packetType)
    {
        if (!End)
        {
            throw MqttProtocolException.Malformed($"{packetType} has {Remaining} unexpected trailing bytes.");
        }
    }

    private ReadOnlySpan<byte> Take(int length, string what)
    {
        if (length > Remaining)
        {
            throw MqttProtocolException.Malformed($"Packet ends inside a {what} (needs {length} bytes, {Remaining} left).");
        }

        var span = _buffer.Slice(_position, length);
        _position += length;
        return span;
    }
}
