using System.Text;
using System.Text.Json;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>
/// influx/line-protocol-corpus.json (influxdata/line-protocol v2 corpus) and influx/corpus-vs-influxdb-1.6.7.json,
/// read once per test run.
/// </summary>
internal static class LineProtocolCorpus
{
    private static readonly Lazy<(IReadOnlyList<DecodeCase> Decode, IReadOnlyList<EncodeCase> Encode)> Corpus = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, InfluxDb167Result>> InfluxDb167 = new(LoadInfluxDb167);

    public static IReadOnlyList<DecodeCase> DecodeCases => Corpus.Value.Decode;

    public static IReadOnlyList<EncodeCase> EncodeCases => Corpus.Value.Encode;

    /// <summary>Results of the 240 non-fuzz decode cases and 114 encode outputs written to InfluxDB 1.6.7, by corpus key.</summary>
    public static IReadOnlyDictionary<string, InfluxDb167Result> InfluxDb167Results => InfluxDb167.Value;

    private static (IReadOnlyList<DecodeCase>, IReadOnlyList<EncodeCase>) Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.PathOf("influx/line-protocol-corpus.json")));
        var decode = document.RootElement.GetProperty("decode").EnumerateObject().Select(entry => ReadDecodeCase(entry.Value)).ToList();
        var encode = document.RootElement.GetProperty("encode").EnumerateObject().Select(entry => ReadEncodeCase(entry.Value)).ToList();
        return (decode, encode);
    }

    private static DecodeCase ReadDecodeCase(JsonElement entry)
    {
        var input = entry.GetProperty("input");
        var text = input.GetProperty("text");
        byte[] bytes = text.ValueKind == JsonValueKind.String
            ? Encoding.UTF8.GetBytes(text.GetString()!)
            : Convert.FromBase64String(text.GetProperty("binary").GetString()!);
        var output = entry.GetProperty("output");
        return new DecodeCase(
            input.GetProperty("key").GetString()!,
            bytes,
            ReadPrecision(input.GetProperty("precision").GetString()!),
            input.GetProperty("defaultTime").GetInt64(),
            input.GetProperty("implementation").GetString()!,
            output.TryGetProperty("result", out var result) ? result.EnumerateArray().Select(ReadPoint).ToList() : null,
            output.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    private static EncodeCase ReadEncodeCase(JsonElement entry)
    {
        var input = entry.GetProperty("input");
        var output = entry.GetProperty("output");
        return new EncodeCase(
            input.GetProperty("key").GetString()!,
            ReadPoint(input.GetProperty("point")),
            output.TryGetProperty("result", out var result) ? result.GetString() : null,
            output.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    private static CorpusPoint ReadPoint(JsonElement point) => new(
        point.GetProperty("name").GetString()!,
        point.GetProperty("tags").EnumerateArray()
            .Select(tag => KeyValuePair.Create(tag.GetProperty("key").GetString()!, tag.GetProperty("value").GetString()!))
            .ToList(),
        point.GetProperty("fields").EnumerateArray()
            .Select(field => KeyValuePair.Create(field.GetProperty("key").GetString()!, ReadValue(field.GetProperty("value"))))
            .ToList(),
        point.GetProperty("time").GetInt64());

    private static FieldValue ReadValue(JsonElement value)
    {
        var property = value.EnumerateObject().Single();
        return property.Name switch
        {
            "float" => FieldValue.FromDouble(property.Value.GetDouble()),
            "int" => FieldValue.FromInt64(property.Value.GetInt64()),
            "uint" => FieldValue.FromUInt64(property.Value.GetUInt64()),
            "bool" => FieldValue.FromBoolean(property.Value.GetBoolean()),
            "string" => FieldValue.FromString(property.Value.GetString()!),
            _ => throw new InvalidDataException($"Unknown corpus value type {property.Name}."),
        };
    }

    private static WritePrecision ReadPrecision(string precision) => precision switch
    {
        "1ns" => WritePrecision.Nanoseconds,
        "1µs" => WritePrecision.Microseconds,
        "1ms" => WritePrecision.Milliseconds,
        "1s" => WritePrecision.Seconds,
        _ => throw new InvalidDataException($"Unknown corpus precision {precision}."),
    };

    private static IReadOnlyDictionary<string, InfluxDb167Result> LoadInfluxDb167()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.PathOf("influx/corpus-vs-influxdb-1.6.7.json")));
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Select(result => new InfluxDb167Result(
                result.GetProperty("section").GetString()!,
                result.GetProperty("key").GetString()!,
                result.GetProperty("corpus_expect").GetString() == "ok",
                result.GetProperty("influxdb_status").GetInt32(),
                result.GetProperty("readback").Clone()))
            .ToDictionary(result => result.Key);
    }
}
