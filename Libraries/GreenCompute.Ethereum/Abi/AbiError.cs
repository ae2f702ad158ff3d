using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// A Solidity custom error ("error InsufficientBalance(uint256 available, uint256 required)"): revert data is
/// selector ‖ abi.encode(arguments), exactly like a function call.
/// </summary>
public sealed class AbiError
{
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs;
        Signature = $"{name}({string.Join(",", inputs.Select(p => p.Type.CanonicalName))})";
        Selector = Keccak256.HashUtf8(Signature)[..4];
    }

    /// <summary>Error(string): what require(cond, "message") and revert("message") produce.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary>Panic(uint256): assert failures, overflow, division by zero (code list in the Solidity docs).</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt(256))]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public byte[] Selector { get; }

    public static AbiError Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "error");
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(Selector);

    public byte[] Encode(params object?[] arguments) => [.. Selector, .. AbiEncoder.Encode(Inputs, arguments)];

    public object?[] Decode(ReadOnlySpan<byte> revertData) =>
        Matches(revertData) ? AbiDecoder.Decode(Inputs, revertData[4..]) : throw new AbiException($"Revert data is not {Signature}.");

    public override string ToString() => Signature;
}
