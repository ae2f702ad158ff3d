using System.Collections;
using System.Reflection;

namespace GreenCompute.Mqtt.Tests.Support;

/// <summary>
/// Structural equality for packets: record equality compares payloads and lists by reference, so this walks the
/// public properties and compares bytes, sequences and values.
/// </summary>
internal static class PacketAssert
{
    public static void Equal(object? expected, object? actual) => Compare(expected, actual, expected?.GetType().Name ?? "packet");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, actual {actual ?? "null"}");
            return;
        }

        // Collections compare by content whatever their concrete type (array literal vs the decoder's List).
        var bothSequences = expected is IEnumerable and not string && actual is IEnumerable and not string;
        Assert.True(bothSequences || expected.GetType() == actual.GetType(),
            $"{path}: expected type {expected.GetType().Name}, actual {actual.GetType().Name}");
        switch (expected)
        {
            case ReadOnlyMemory<byte> memory:
                var other = (ReadOnlyMemory<byte>)actual;
                Assert.True(memory.Span.SequenceEqual(other.Span),
                    $"{path}: expected {Convert.ToHexString(memory.Span)}, actual {Convert.ToHexString(other.Span)}");
                return;
            case string or Enum:
            case var _ when expected.GetType().IsPrimitive:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, actual {actual}");
                return;
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, actual {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    Compare(left[i], right[i], $"{path}[{i}]");
                }

                return;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }
}
