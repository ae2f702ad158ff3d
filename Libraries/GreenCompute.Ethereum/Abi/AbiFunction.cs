using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// A contract function: selector = first 4 bytes of keccak256 of the canonical signature "name(type,…)";
/// calldata = selector ‖ abi.encode(arguments).
/// </summary>
public sealed class AbiFunction
{
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs;
        Outputs = outputs ?? [];
        Signature = $"{name}({string.Join(",", inputs.Select(p => p.Type.CanonicalName))})";
        Selector = Keccak256.HashUtf8(Signature)[..4];
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>Canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; }

    /// <summary>The 4-byte function selector.</summary>
    public byte[] Selector { get; }

    /// <summary>Parses "transfer(address to, uint256 amount)" with optional "function" keyword, modifiers and "returns (…)".</summary>
    public static AbiFunction Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "function");
        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs);
    }

    public byte[] EncodeCall(params object?[] arguments) => [.. Selector, .. AbiEncoder.Encode(Inputs, arguments)];

    /// <summary>Decodes calldata made by <see cref="EncodeCall"/>; the selector must match.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> calldata)
    {
        if (calldata.Length < 4 || !calldata[..4].SequenceEqual(Selector))
        {
            throw new AbiException($"Calldata does not start with the selector of {Signature}.");
        }

        return AbiDecoder.Decode(Inputs, calldata[4..]);
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);

    public override string ToString() => Signature;
}
