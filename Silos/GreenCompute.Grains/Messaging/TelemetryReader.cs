using System.Text.Json;

namespace GreenCompute.Grains.Messaging;

/// <summary>
/// The ingest's hot path for telemetry JSON: a <see cref="Utf8JsonReader"/> pass straight into <see cref="TelemetryPayload"/>
/// (about a sixth of the serializer's allocations, which box every nullable argument of the record's constructor). It
/// takes only the plain case — one object, each known field at most once with the JSON type the serializer reads,
/// unknown fields skipped, nothing after it — and answers "not mine" for anything else, which
/// <see cref="PayloadCodec.TryReadTelemetry"/> then gives to the serializer. So every input gets exactly the serializer's
/// result, and every rejection its message.
/// </summary>
internal static class TelemetryReader
{
    private const int V = 1 << 0;
    private const int NodeId = 1 << 1;
    private const int Time = 1 << 2;
    private const int Seq = 1 << 3;
    private const int Room = 1 << 4;
    private const int BandMin = 1 << 5;
    private const int BandMax = 1 << 6;
    private const int Power = 1 << 7;
    private const int Energy = 1 << 8;
    private const int Cpu = 1 << 9;
    private const int Tasks = 1 << 10;
    private const int State = 1 << 11;
    private const int Unknown = 1 << 30;

    private delegate bool TryGet<T>(ref Utf8JsonReader reader, out T value);

    /// <summary>True with the payload when the input is in the plain case; false (payload null) to use the serializer.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out TelemetryPayload? payload)
    {
        payload = null;
        try
        {
            return TryReadCore(utf8, out payload);
        }
        catch (JsonException)
        {
            // Not even JSON: the serializer says so, in its words.
            return false;
        }
        catch (InvalidOperationException)
        {
            // A value of another type than the field's (GetString on a number): the serializer's case too.
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> utf8, out TelemetryPayload? payload)
    {
        payload = null;
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        int v = 0;
        string? nodeId = null, state = null;
        DateTimeOffset? time = null;
        long? seq = null;
        double? room = null, bandMin = null, bandMax = null, power = null, energy = null, cpu = null;
        IReadOnlyList<string>? tasks = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var field = Field(ref reader);
            if (!reader.Read() || (field != Unknown && (field & seen) != 0))
            {
                return false;
            }

            seen |= field == Unknown ? 0 : field;
            var ok = field switch
            {
                V => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out v),
                NodeId => String(ref reader, out nodeId),
                State => String(ref reader, out state),
                Time => Moment(ref reader, out time),
                Seq => Integer(ref reader, out seq),
                Room => Number(ref reader, out room),
                BandMin => Number(ref reader, out bandMin),
                BandMax => Number(ref reader, out bandMax),
                Power => Number(ref reader, out power),
                Energy => Number(ref reader, out energy),
                Cpu => Number(ref reader, out cpu),
                Tasks => Strings(ref reader, out tasks),
                _ => reader.TrySkip(),
            };
            if (!ok)
            {
                return false;
            }
        }

        // Ends with the object's own '}' and nothing after it; a missing "v" is the serializer's 0, left to it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read() || (seen & V) == 0)
        {
            return false;
        }

        payload = new TelemetryPayload(v, nodeId, time, seq, room, bandMin, bandMax, power, energy, cpu, tasks, state);
        return true;
    }

    private static int Field(ref Utf8JsonReader reader) =>
        reader.ValueSpan switch
        {
            [(byte)'v'] => V,
            var name when name.SequenceEqual("nodeId"u8) => NodeId,
            var name when name.SequenceEqual("time"u8) => Time,
            var name when name.SequenceEqual("seq"u8) => Seq,
            var name when name.SequenceEqual("roomCelsius"u8) => Room,
            var name when name.SequenceEqual("bandMinCelsius"u8) => BandMin,
            var name when name.SequenceEqual("bandMaxCelsius"u8) => BandMax,
            var name when name.SequenceEqual("powerWatts"u8) => Power,
            var name when name.SequenceEqual("energyWh"u8) => Energy,
            var name when name.SequenceEqual("cpu"u8) => Cpu,
            var name when name.SequenceEqual("runningTasks"u8) => Tasks,
            var name when name.SequenceEqual("state"u8) => State,
            _ => Unknown,
        };

    private static bool String(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool Moment(ref Utf8JsonReader reader, out DateTimeOffset? value) =>
        Nullable(ref reader, JsonTokenType.String, static (ref Utf8JsonReader r, out DateTimeOffset v) => r.TryGetDateTimeOffset(out v), out value);

    private static bool Integer(ref Utf8JsonReader reader, out long? value) =>
        Nullable(ref reader, JsonTokenType.Number, static (ref Utf8JsonReader r, out long v) => r.TryGetInt64(out v), out value);

    private static bool Number(ref Utf8JsonReader reader, out double? value) =>
        Nullable(ref reader, JsonTokenType.Number, static (ref Utf8JsonReader r, out double v) => r.TryGetDouble(out v), out value);

    /// <summary>JSON null, or a token of <paramref name="type"/> that <paramref name="get"/> reads as the serializer's converter would.</summary>
    private static bool Nullable<T>(ref Utf8JsonReader reader, JsonTokenType type, TryGet<T> get, out T? value)
        where T : struct
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != type || !get(ref reader, out var read))
        {
            return false;
        }

        value = read;
        return true;
    }

    private static bool Strings(ref Utf8JsonReader reader, out IReadOnlyList<string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<string>? list = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // A null or non-string element: the serializer's rules decide.
                return false;
            }

            (list ??= []).Add(reader.GetString()!);
        }

        values = list is null ? [] : list;
        return reader.TokenType == JsonTokenType.EndArray;
    }
}
