using System.Collections;
using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Abi;

/// <summary>Accepted CLR shapes of ABI values on the way in; decoding always returns the first listed shape.</summary>
/// <remarks>
/// uintN/intN: BigInteger (or any built-in integer). address: <see cref="Hex.Address"/> (or its text).
/// bool: bool. bytesN/bytes: byte[] (or ReadOnlyMemory&lt;byte&gt;). string: string.
/// arrays and tuples: object?[] (or any IList, positional).
/// </remarks>
internal static class AbiValues
{
    public static BigInteger ToBigInteger(object? value) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b8 => b8,
        sbyte sb => sb,
        _ => throw Mismatch("an integer", value),
    };

    public static Address ToAddress(object? value) => value switch
    {
        Address a => a,
        string s => Address.TryParse(s, out var parsed) ? parsed : throw new AbiException($"Bad address value '{s}'."),
        _ => throw Mismatch("an address", value),
    };

    public static ReadOnlyMemory<byte> ToBytes(object? value) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        _ => throw Mismatch("bytes", value),
    };

    public static IList ToList(object? value) => value switch
    {
        string => throw Mismatch("a list", value),
        IList list => list,
        _ => throw Mismatch("a list", value),
    };

    public static AbiException Mismatch(string expected, object? value) =>
        new($"Expected {expected} for an ABI value, got {value?.GetType().Name ?? "null"}.");
}
