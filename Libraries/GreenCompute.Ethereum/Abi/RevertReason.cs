using System.Numerics;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// Why a call reverted, decoded from its revert data: Error(string), Panic(uint256), one of the caller's custom
/// errors, or nothing known (<see cref="Error"/> null; <see cref="Data"/> keeps the raw bytes).
/// </summary>
public sealed record RevertReason(byte[] Data, AbiError? Error, IReadOnlyList<object?> Arguments)
{
    /// <summary>The message of Error(string), else null.</summary>
    public string? Message => ReferenceEquals(Error, AbiError.ErrorString) ? (string?)Arguments[0] : null;

    /// <summary>The code of Panic(uint256) (0x01 assert, 0x11 overflow, 0x12 division by zero, …), else null.</summary>
    public BigInteger? PanicCode => ReferenceEquals(Error, AbiError.Panic) ? (BigInteger?)Arguments[0] : null;

    /// <summary>
    /// Decodes <paramref name="revertData"/> against Error(string), Panic(uint256) and <paramref name="customErrors"/>.
    /// Data that matches a selector but not its argument layout is returned as unknown rather than thrown.
    /// </summary>
    public static RevertReason Decode(ReadOnlySpan<byte> revertData, IEnumerable<AbiError>? customErrors = null)
    {
        var data = revertData.ToArray();
        foreach (var candidate in new[] { AbiError.ErrorString, AbiError.Panic }.Concat(customErrors ?? []))
        {
            if (!candidate.Matches(data))
            {
                continue;
            }

            try
            {
                return new RevertReason(data, candidate, candidate.Decode(data));
            }
            catch (AbiException)
            {
                break;
            }
        }

        return new RevertReason(data, null, []);
    }

    public override string ToString() =>
        Message is { } message ? $"Error(\"{message}\")"
        : PanicCode is { } code ? $"Panic(0x{code:x2})"
        : Error is { } error ? $"{error.Name}({string.Join(", ", Arguments)})"
        : $"unknown revert data 0x{Convert.ToHexStringLower(Data)}";
}
