using System.Buffers.Binary;
using System.Text;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// Writes MQTT data types. A writer made by <see cref="Measure"/> only counts, so one routine per packet
/// both sizes the packet (for the remaining length) and writes it, with no intermediate buffer.
/// </summary>
internal ref struct MqttSpanWriter
{
    private readonly Span<byte> _buffer;
    private readonly bool _measureOnly;

    public MqttSpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _measureOnly = false;
    }

    private MqttSpanWriter(bool measureOnly)
    {
        _buffer = default;
        _measureOnly = measureOnly;
    }

    public int Position { get; private set; }

    public readonly bool IsMeasuring => _measureOnly;

    public static MqttSpanWriter Measure() => new(measureOnly: true);

    /// <summary>Counts bytes already measured elsewhere; only for a measuring writer.</summary>
    public void AddMeasured(int count)
    {
        if (!_measureOnly)
        {
            throw new InvalidOperationException("AddMeasured is for measuring writers only.");
        }

        Position += count;
    }

    public void WriteByte(byte value)
    {
        if (!_measureOnly)
        {
            _buffer[Position] = value;
        }

        Position++;
    }

    public void WriteUInt16(ushort value)
    {
        if (!_measureOnly)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        }

        Position += 2;
    }

    public void WriteUInt32(uint value)
    {
        if (!_measureOnly)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer[Position..], value);
        }

        Position += 4;
    }

    public void WriteVariableByteInteger(uint value)
    {
        Position += _measureOnly
            ? VariableByteInteger.GetSize(value)
            : VariableByteInteger.Write(_buffer[Position..], value);
    }

    public void WriteString(string value)
    {
        var count = MqttUtf8.GetByteCount(value);
        WriteUInt16((ushort)count);
        if (!_measureOnly)
        {
            Encoding.UTF8.GetBytes(value, _buffer.Slice(Position, count));
        }

        Position += count;
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw MqttProtocolException.Malformed($"Binary data is {value.Length} bytes long, more than {ushort.MaxValue}.");
        }

        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        if (!_measureOnly)
        {
            value.CopyTo(_buffer[Position..]);
        }

        Position += value.Length;
    }
}
