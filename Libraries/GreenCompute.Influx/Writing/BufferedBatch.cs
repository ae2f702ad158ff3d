using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// The oldest buffered lines of one precision, in acceptance order. Every buffered line of that precision with an id
/// between <see cref="FirstId"/> and <see cref="LastId"/> is in the batch, so the range identifies it for removal.
/// </summary>
internal sealed record BufferedBatch(WritePrecision Precision, long FirstId, long LastId, IReadOnlyList<byte[]> Lines, long Bytes)
{
    public int Count => Lines.Count;
}
