using System.Text;
using System.Text.Unicode;

namespace GreenCompute.Mqtt.Protocol;

/// <summary>
/// UTF-8 Encoded String rules (spec 1.5.4 / 3.1.1 1.5.3): well-formed UTF-8 without surrogates, no U+0000,
/// at most 65,535 bytes. Control characters and non-characters are allowed (a receiver MAY reject them, we don't).
/// </summary>
internal static class MqttUtf8
{
    public const int MaxByteCount = ushort.MaxValue;

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            throw MqttProtocolException.Malformed("String is not well-formed UTF-8.");
        }

        if (bytes.Contains((byte)0))
        {
            throw MqttProtocolException.Malformed("String contains U+0000.");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Validates a string for the wire and returns its UTF-8 length.</summary>
    public static int GetByteCount(string value) =>
        TryGetByteCount(value, out var count, out var error) ? count : throw MqttProtocolException.Malformed(error);

    public static bool TryGetByteCount(string value, out int count, out string error)
    {
        count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                error = "String contains U+0000.";
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                error = "String contains an unpaired surrogate.";
                return false;
            }
        }

        count = Encoding.UTF8.GetByteCount(value);
        if (count > MaxByteCount)
        {
            error = $"String is {count} bytes long, more than {MaxByteCount}.";
            return false;
        }

        error = "";
        return true;
    }
}
