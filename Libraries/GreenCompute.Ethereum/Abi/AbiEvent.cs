using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// A contract event. topic0 = keccak256 of the canonical signature (absent for anonymous events); each indexed
/// parameter is one more topic; the others are abi-encoded together in the log data.
/// </summary>
public sealed class AbiEvent
{
    public AbiEvent(string name, IReadOnlyList<AbiParameter> parameters, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        Name = name;
        Parameters = parameters;
        Anonymous = anonymous;
        Signature = $"{name}({string.Join(",", parameters.Select(p => p.Type.CanonicalName))})";
        Topic0 = Keccak256.HashUtf8(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Parameters { get; }

    public bool Anonymous { get; }

    public string Signature { get; }

    /// <summary>keccak256(signature): the first topic of every non-anonymous log of this event.</summary>
    public byte[] Topic0 { get; }

    /// <summary>Parses "event Transfer(address indexed from, address indexed to, uint256 value) [anonymous]".</summary>
    public static AbiEvent Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "event");
        return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Anonymous);
    }

    /// <summary>
    /// Decodes a log into one value per parameter, in declaration order. An indexed parameter of a dynamic type
    /// (string, bytes, arrays, tuples) is only its keccak256 in the topic, so it comes back as that 32-byte hash.
    /// </summary>
    public object?[] DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = Anonymous ? 0 : 1;
        var indexedCount = Parameters.Count(p => p.Indexed);
        if (topics.Count != first + indexedCount)
        {
            throw new AbiException($"{Signature} has {first + indexedCount} topics, the log has {topics.Count}.");
        }

        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(Topic0))
        {
            throw new AbiException($"Log topic0 is not {Signature}.");
        }

        var dataValues = AbiDecoder.Decode([.. Parameters.Where(p => !p.Indexed)], data);
        var values = new object?[Parameters.Count];
        int topic = first, dataIndex = 0;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (!parameter.Indexed)
            {
                values[i] = dataValues[dataIndex++];
                continue;
            }

            var word = topics[topic++];
            if (word.Length != 32)
            {
                throw new AbiException($"Topic {topic - 1} is {word.Length} bytes, not 32.");
            }

            values[i] = IsHashedInTopic(parameter.Type) ? word.ToArray() : AbiDecoder.DecodeWord(parameter.Type, word);
        }

        return values;
    }

    /// <summary>The topic that filters logs on an indexed parameter of <paramref name="type"/> equal to <paramref name="value"/>.</summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            AbiTypeKind.String => Keccak256.HashUtf8(value as string ?? throw AbiValues.Mismatch("a string", value)),
            AbiTypeKind.Bytes => Keccak256.Hash(AbiValues.ToBytes(value).Span),
            _ when IsHashedInTopic(type) => throw new AbiException($"Topics of {type} values are not supported."),
            _ => AbiEncoder.EncodeWord(type, value),
        };
    }

    public override string ToString() => Signature;

    private static bool IsHashedInTopic(AbiType type) =>
        type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes or AbiTypeKind.Array or AbiTypeKind.Tuple;
}
