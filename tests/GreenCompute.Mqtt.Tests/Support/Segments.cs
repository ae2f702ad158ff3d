using System.Buffers;

namespace GreenCompute.Mqtt.Tests.Support;

/// <summary>Builds a multi-segment ReadOnlySequence, as a PipeReader hands out after several socket reads.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, IReadOnlyList<int> cuts)
    {
        var bounds = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().Append(bytes.Length).ToList();
        if (bounds.Count == 1)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new Segments(bytes.AsMemory(0, bounds[0]), 0);
        var last = first;
        for (var i = 1; i < bounds.Count; i++)
        {
            var next = new Segments(bytes.AsMemory(bounds[i - 1], bounds[i] - bounds[i - 1]), bounds[i - 1]);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) => Split(bytes, [.. Enumerable.Range(1, bytes.Length)]);
}
