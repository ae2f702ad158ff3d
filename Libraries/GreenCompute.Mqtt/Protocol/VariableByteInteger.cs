namespace GreenCompute.Mqtt.Protocol;

/// <summary>Spec 1.5.5: 7 bits per byte, least significant group first, at most 4 bytes, minimum length.</summary>
internal static class VariableByteInteger
{
    public const uint MaxValue = 268_435_455;

    public static int GetSize(uint value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        <= MaxValue => 4,
        _ => throw new MqttProtocolException(MqttReasonCode.MalformedPacket, $"{value} exceeds the variable byte integer maximum {MaxValue}."),
    };

    public static int Write(Span<byte> destination, uint value)
    {
        var size = GetSize(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = i < size - 1 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>
    /// Decodes from <paramref name="source"/>. Returns false when the bytes end inside the integer (need more data).
    /// A fifth byte or a non-minimal encoding (a trailing zero group, [MQTT-1.5.5-1]) is malformed.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out uint value, out int size)
    {
        value = 0;
        for (size = 1; size <= 4; size++)
        {
            if (source.Length < size)
            {
                return false;
            }

            var b = source[size - 1];
            value |= (uint)(b & 0x7F) << (7 * (size - 1));
            if ((b & 0x80) == 0)
            {
                if (b == 0 && size > 1)
                {
                    throw MqttProtocolException.Malformed("Variable byte integer is not minimally encoded.");
                }

                return true;
            }
        }

        throw MqttProtocolException.Malformed("Variable byte integer is longer than 4 bytes.");
    }
}
