using System.Text.Json;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Messages;

/// <summary>
/// An EIP-712 typed-data payload (the eth_signTypedData_v4 shape). Signing hash =
/// keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)), domainSeparator = hashStruct("EIP712Domain", domain).
/// When <see cref="Types"/> has no "EIP712Domain", it is derived from the domain members present, in the EIP's
/// order: name, version, chainId, verifyingContract, salt.
/// </summary>
public sealed class TypedData
{
    public const string DomainTypeName = "EIP712Domain";

    private static readonly TypedDataField[] DomainFields =
    [
        new("name", "string"),
        new("version", "string"),
        new("chainId", "uint256"),
        new("verifyingContract", "address"),
        new("salt", "bytes32"),
    ];

    public TypedData(
        IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        string primaryType,
        IReadOnlyDictionary<string, object?> domain,
        IReadOnlyDictionary<string, object?> message)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentException.ThrowIfNullOrEmpty(primaryType);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(message);
        if (!types.ContainsKey(primaryType))
        {
            throw new ArgumentException($"Primary type '{primaryType}' is not in the types.", nameof(primaryType));
        }

        Types = types.ContainsKey(DomainTypeName)
            ? types
            : new Dictionary<string, IReadOnlyList<TypedDataField>>(types)
            {
                [DomainTypeName] = [.. DomainFields.Where(f => domain.ContainsKey(f.Name))],
            };
        PrimaryType = primaryType;
        Domain = domain;
        Message = message;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; }

    public string PrimaryType { get; }

    public IReadOnlyDictionary<string, object?> Domain { get; }

    public IReadOnlyDictionary<string, object?> Message { get; }

    /// <summary>Reads {"types": …, "primaryType": …, "domain": …, "message": …}.</summary>
    public static TypedData FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = root.GetProperty("types").EnumerateObject().ToDictionary(
            t => t.Name,
            t => (IReadOnlyList<TypedDataField>)[.. t.Value.EnumerateArray().Select(f =>
                new TypedDataField(f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!))],
            StringComparer.Ordinal);
        return new TypedData(
            types,
            root.GetProperty("primaryType").GetString()!,
            AsMap(TypedDataValues.FromJson(root.GetProperty("domain"))),
            AsMap(TypedDataValues.FromJson(root.GetProperty("message"))));
    }

    public byte[] GetDomainSeparator() => TypedDataEncoder.HashStruct(DomainTypeName, Domain, Types);

    public byte[] GetMessageHash() => TypedDataEncoder.HashStruct(PrimaryType, Message, Types);

    /// <summary>keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)): the 32 bytes that are signed.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash([0x19, 0x01, .. GetDomainSeparator(), .. GetMessageHash()]);

    public EcdsaSignature Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(GetSigningHash());
    }

    /// <summary>The signer of a 65-byte r ‖ s ‖ v signature over this payload.</summary>
    public Address RecoverSigner(ReadOnlySpan<byte> signature) =>
        PublicKey.Recover(GetSigningHash(), EcdsaSignature.FromRsv(signature)).Address;

    private static IReadOnlyDictionary<string, object?> AsMap(object? value) =>
        value as IReadOnlyDictionary<string, object?> ?? throw new FormatException("EIP-712 domain and message must be JSON objects.");
}
