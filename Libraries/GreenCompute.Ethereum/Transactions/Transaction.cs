using System.Numerics;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// An unsigned transaction. Subtypes: <see cref="LegacyTransaction"/> (pre-155 or EIP-155),
/// <see cref="AccessListTransaction"/> (EIP-2930) and <see cref="DynamicFeeTransaction"/> (EIP-1559).
/// <see cref="To"/> null means contract creation.
/// </summary>
public abstract record Transaction
{
    public abstract TransactionType Type { get; }

    public ulong Nonce { get; init; }

    public ulong GasLimit { get; init; }

    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    /// <summary>The bytes whose keccak256 is signed (EIP-155 / EIP-2718 signing payload).</summary>
    public abstract byte[] GetSigningPayload();

    public byte[] GetSigningHash() => Keccak256.Hash(GetSigningPayload());

    /// <summary>Signs with RFC 6979 (deterministic, low s) and returns the network encoding.</summary>
    public SignedTransaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WithSignature(key.Sign(GetSigningHash()));
    }

    /// <summary>Attaches a signature made elsewhere (a remote signer) over <see cref="GetSigningHash"/>.</summary>
    public SignedTransaction WithSignature(EcdsaSignature signature)
    {
        var v = ToV(signature.RecoveryId);
        return new SignedTransaction(this, v, signature.R, signature.S, Encode(v, signature.R, signature.S));
    }

    /// <summary>The signature field v (legacy) or y parity (typed) for a recovery id.</summary>
    internal abstract BigInteger ToV(byte recoveryId);

    /// <summary>The recovery id a v / y parity stands for, or null when it names no valid one.</summary>
    internal abstract byte? ToRecoveryId(BigInteger v);

    internal abstract byte[] Encode(BigInteger v, BigInteger r, BigInteger s);

    internal static RlpItem EncodeAccessList(IReadOnlyList<AccessListEntry> accessList) =>
        RlpItem.FromList(accessList.Select(e => RlpItem.FromList(
            RlpItem.FromBytes(e.Address.Span),
            RlpItem.FromList(e.StorageKeys.Select(k => RlpItem.FromBytes(k))))));

    internal static byte[] Typed(TransactionType type, RlpItem body) => [(byte)type, .. RlpEncoder.Encode(body)];
}
