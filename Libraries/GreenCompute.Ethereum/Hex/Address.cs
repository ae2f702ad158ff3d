using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Hex;

/// <summary>
/// A 20-byte account address. <see cref="ToString"/> is the EIP-55 mixed-case checksum form.
/// <see cref="Parse"/> accepts all-lower or all-upper hex, and mixed case only with a correct EIP-55 checksum
/// (as ethers does: a mixed-case typo is an error, not a silently different address).
/// </summary>
public readonly struct Address : IEquatable<Address>
{
    public const int Size = 20;

    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    /// <summary>0x0000000000000000000000000000000000000000.</summary>
    public static Address Zero { get; } = new(new byte[Size]);

    public ReadOnlySpan<byte> Span => _bytes ?? Zero._bytes!;

    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An address is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new Address(bytes.ToArray());
    }

    /// <exception cref="FormatException">Not 40 hex digits, or mixed case with a wrong EIP-55 checksum.</exception>
    public static Address Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    public byte[] ToBytes() => Span.ToArray();

    /// <summary>EIP-55: hex digit i is upper case when nibble i of keccak256(lower-case hex) is ≥ 8.</summary>
    public string ToChecksumString()
    {
        var lower = Convert.ToHexStringLower(Span);
        var hash = Keccak256.HashUtf8(lower);
        return string.Create(2 + lower.Length, (lower, hash), static (chars, state) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            for (var i = 0; i < state.lower.Length; i++)
            {
                var nibble = (i % 2 == 0 ? state.hash[i / 2] >> 4 : state.hash[i / 2]) & 0x0F;
                var c = state.lower[i];
                chars[i + 2] = nibble >= 8 ? char.ToUpperInvariant(c) : c;
            }
        });
    }

    public override string ToString() => ToChecksumString();

    public bool Equals(Address other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length != 2 + (2 * Size))
        {
            error = $"An address is 0x and 40 hex digits: '{text}'.";
            return false;
        }

        var digits = text.AsSpan(2);
        var bytes = new byte[Size];
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            error = $"An address is 0x and 40 hex digits: '{text}'.";
            return false;
        }

        address = new Address(bytes);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !address.ToChecksumString().AsSpan(2).SequenceEqual(digits))
        {
            address = default;
            error = $"Bad EIP-55 address checksum: '{text}'.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
