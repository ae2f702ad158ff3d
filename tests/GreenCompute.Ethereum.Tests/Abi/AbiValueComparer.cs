using System.Collections;
using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Tests.Abi;

/// <summary>Deep equality of decoded ABI value trees (byte arrays and nested object?[] by content).</summary>
internal static class AbiValueComparer
{
    public static bool DeepEquals(object? expected, object? actual) => (expected, actual) switch
    {
        (byte[] e, byte[] a) => e.AsSpan().SequenceEqual(a),
        (BigInteger e, BigInteger a) => e == a,
        (Address e, Address a) => e == a,
        (bool e, bool a) => e == a,
        (string e, string a) => e == a,
        (IList e, IList a) => e.Count == a.Count && Enumerable.Range(0, e.Count).All(i => DeepEquals(e[i], a[i])),
        _ => false,
    };
}
