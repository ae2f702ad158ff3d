using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>A point of line-protocol-corpus.json: tags as listed, fields in order, time in Unix nanoseconds.</summary>
internal sealed record CorpusPoint(
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> Fields,
    long Time)
{
    public bool Matches(LineProtocolPoint point) =>
        point.Name == Name &&
        point.Timestamp == Time &&
        point.Tags.SequenceEqual(Tags.OrderBy(tag => tag.Key, Utf8OrdinalComparer.Instance)) &&
        point.Fields.Count == Fields.Count &&
        point.Fields.Zip(Fields).All(pair => pair.First.Key == pair.Second.Key && SameValue(pair.First.Value, pair.Second.Value));

    public bool HasField(Func<string, FieldValue, bool> predicate) => Fields.Any(field => predicate(field.Key, field.Value));

    // The corpus JSON writes -0 as 0 and upstream corpus_test.go compares floats with ==, so -0 equals 0 here only.
    private static bool SameValue(FieldValue actual, FieldValue expected) =>
        actual.Kind == FieldValueKind.Float && expected.Kind == FieldValueKind.Float
            ? actual.AsDouble() == expected.AsDouble()
            : actual == expected;
}
