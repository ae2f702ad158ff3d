namespace GreenCompute.Ethereum.Rlp;

/// <summary>Why an RLP input was rejected (yellow paper appendix B plus the canonical-form rules clients enforce).</summary>
public enum RlpError
{
    /// <summary>No bytes at all.</summary>
    EmptyInput,

    /// <summary>A header announces more bytes than the input (or the enclosing list) holds.</summary>
    UnexpectedEnd,

    /// <summary>Bytes left over after the item, or after the last item of a list.</summary>
    TrailingBytes,

    /// <summary>A long-form length with a leading zero byte, or a long form used for a length below 56.</summary>
    NonCanonicalLength,

    /// <summary>A single byte below 0x80 wrapped in a string header (0x81 0x00…0x7f).</summary>
    NonCanonicalSingleByte,

    /// <summary>A length that does not fit in memory (more than 2^31 − 1 bytes).</summary>
    LengthOverflow,

    /// <summary>Nesting deeper than the decoder allows.</summary>
    TooDeep,

    /// <summary>A list where a byte string was required.</summary>
    ExpectedString,

    /// <summary>A byte string where a list was required.</summary>
    ExpectedList,

    /// <summary>An integer with a leading zero byte (zero is the empty string).</summary>
    NonCanonicalInteger,

    /// <summary>An integer longer than its field allows.</summary>
    IntegerOverflow,

    /// <summary>A list with fewer or more elements than its structure has.</summary>
    WrongElementCount,
}
