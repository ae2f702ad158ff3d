using System.Buffers;
using System.Text;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>Runs corpus cases through the reader and writer the way the upstream corpus_test.go does.</summary>
internal static class CorpusRunner
{
    /// <summary>All points of the input, or the first error (the corpus treats any error as a failed decode).</summary>
    public static (IReadOnlyList<LineProtocolPoint> Points, LineProtocolError? Error) Decode(DecodeCase decodeCase, LineProtocolOptions options)
    {
        var reader = new LineProtocolReader(decodeCase.Input, options, decodeCase.Precision, decodeCase.DefaultTime);
        var points = new List<LineProtocolPoint>();
        while (reader.Read(out var point, out var error))
        {
            if (error is not null)
            {
                return (points, error);
            }

            points.Add(point!);
        }

        return (points, null);
    }

    public static bool Matches(IReadOnlyList<LineProtocolPoint> actual, IReadOnlyList<CorpusPoint> expected) =>
        actual.Count == expected.Count && actual.Zip(expected).All(pair => pair.Second.Matches(pair.First));

    /// <summary>The point as written by <see cref="LineProtocolWriter"/>, without the trailing newline.</summary>
    public static string Encode(CorpusPoint point, LineProtocolOptions options)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new LineProtocolWriter(output, options))
        {
            writer.BeginLine(point.Name);
            foreach (var tag in point.Tags)
            {
                writer.WriteTag(tag.Key, tag.Value);
            }

            foreach (var field in point.Fields)
            {
                writer.WriteField(field.Key, field.Value);
            }

            writer.EndLine(point.Time);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan[..^1]);
    }

    public static string Describe(IReadOnlyList<LineProtocolPoint> points) => string.Join(
        " | ",
        points.Select(point =>
            $"{point.Name} [{string.Join(",", point.Tags.Select(tag => $"{tag.Key}={tag.Value}"))}] " +
            $"[{string.Join(",", point.Fields.Select(field => $"{field.Key}={field.Value.Kind}:{field.Value}"))}] {point.Timestamp}"));
}
