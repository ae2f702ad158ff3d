namespace GreenCompute.Ethereum.Abi;

/// <summary>The Solidity ABI type families.</summary>
public enum AbiTypeKind
{
    /// <summary>uint&lt;M&gt;, 8 ≤ M ≤ 256, M % 8 == 0 ("uint" is uint256).</summary>
    UInt,

    /// <summary>int&lt;M&gt;, two's complement ("int" is int256).</summary>
    Int,

    Address,

    Bool,

    /// <summary>bytes&lt;M&gt;, 1 ≤ M ≤ 32, right-padded.</summary>
    FixedBytes,

    /// <summary>Dynamic byte string.</summary>
    Bytes,

    /// <summary>Dynamic UTF-8 string.</summary>
    String,

    /// <summary>T[k] (fixed length) or T[] (dynamic).</summary>
    Array,

    /// <summary>(T1,…,Tn).</summary>
    Tuple,
}
