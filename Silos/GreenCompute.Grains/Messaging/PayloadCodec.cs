using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GreenCompute.Grains.Messaging;

/// <summary>UTF-8 JSON in and out with the source-generated <see cref="PayloadJsonContext"/>; bad JSON becomes a rejection.</summary>
public static class PayloadCodec
{
    /// <summary>Largest payload read (bytes); telemetry is a few hundred, a 48-hour quarter-hour curve a few KB.</summary>
    public const int MaxBytes = 64 * 1024;

    public static byte[] Write<T>(T payload, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);

    public static string WriteText<T>(T payload, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(payload, typeInfo);

    /// <summary>
    /// Whether the JSON object has a top-level property named <paramref name="name"/> (exact, case-sensitive): a cheap
    /// scan with no allocation, used to tell the kinds of message that share one topic apart. Bad JSON answers false
    /// (the full read then reports it).
    /// </summary>
    public static bool HasProperty(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(name))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    /// <summary>
    /// Telemetry, the payload the ingest sees most: <see cref="TelemetryReader"/>'s allocation-light pass for the plain case,
    /// the serializer (<see cref="TryRead{T}"/>) for everything else; either way the result and any rejection are the serializer's.
    /// </summary>
    public static bool TryReadTelemetry(ReadOnlySpan<byte> utf8, out TelemetryPayload? payload, out PayloadRejection? rejection)
    {
        rejection = null;
        return (utf8.Length <= MaxBytes && TelemetryReader.TryRead(utf8, out payload))
            || TryRead(utf8, PayloadJsonContext.Default.TelemetryPayload, out payload, out rejection);
    }

    public static bool TryRead<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, out T? payload, out PayloadRejection? rejection)
        where T : class
    {
        payload = null;
        rejection = null;
        if (utf8.Length > MaxBytes)
        {
            rejection = new PayloadRejection(PayloadRejection.OutOfRange, $"payload of {utf8.Length} bytes is over {MaxBytes} bytes");
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (JsonException e)
        {
            rejection = new PayloadRejection(PayloadRejection.MalformedJson, $"not valid {typeof(T).Name} JSON: {e.Message}");
            return false;
        }

        if (payload is null)
        {
            rejection = new PayloadRejection(PayloadRejection.MalformedJson, "payload is JSON null");
            return false;
        }

        return true;
    }
}
