using System.Numerics;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// A signed transaction and its network encoding (what eth_sendRawTransaction takes). <see cref="V"/> is the raw
/// v of a legacy transaction or the y parity of a typed one. <see cref="Hash"/> is keccak256 of <see cref="Encoded"/>.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _encoded;

    internal SignedTransaction(Transaction transaction, BigInteger v, BigInteger r, BigInteger s, byte[] encoded)
    {
        Transaction = transaction;
        V = v;
        R = r;
        S = s;
        _encoded = encoded;
        Hash = Keccak256.Hash(encoded);
    }

    public Transaction Transaction { get; }

    public BigInteger V { get; }

    public BigInteger R { get; }

    public BigInteger S { get; }

    public byte[] Hash { get; }

    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>
    /// Strictly decodes a raw transaction (legacy RLP list or EIP-2718 envelope of type 1 or 2): canonical RLP,
    /// canonical integers, field sizes. It does not check the signature or chain: see <see cref="TransactionValidator"/>.
    /// </summary>
    /// <exception cref="Rlp.RlpException">The bytes are not canonical RLP of the expected shape.</exception>
    /// <exception cref="TransactionException">A field is out of range or the type is unsupported.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> encoded) => TransactionDecoder.Decode(encoded);

    public byte[] ToBytes() => (byte[])_encoded.Clone();

    public string ToHex() => HexConverter.ToHex(_encoded);

    /// <summary>Recovers the sender's address from the signature.</summary>
    /// <exception cref="TransactionException">v names no recovery id, or no key can be recovered.</exception>
    public Address RecoverSender()
    {
        var recoveryId = Transaction.ToRecoveryId(V)
            ?? throw new TransactionException(TransactionError.InvalidChainId, $"Signature v {V} is not valid for this transaction.");
        var key = PublicKey.TryRecover(Transaction.GetSigningHash(), new EcdsaSignature(R, S, recoveryId))
            ?? throw new TransactionException(TransactionError.RecoveryFailed, "No public key can be recovered from the signature.");
        return key.Address;
    }
}
