using System.Numerics;
using GreenCompute.Ethereum.Rlp;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// A legacy transaction. With <see cref="ChainId"/> it is signed per EIP-155 (v = chainId·2 + 35/36, signing
/// payload ends with chainId, 0, 0); without it, pre-155 (v = 27/28, replayable on every chain).
/// </summary>
public sealed record LegacyTransaction : Transaction
{
    public override TransactionType Type => TransactionType.Legacy;

    public BigInteger GasPrice { get; init; }

    public BigInteger? ChainId { get; init; }

    public override byte[] GetSigningPayload()
    {
        var fields = Fields().ToList();
        if (ChainId is { } chainId)
        {
            fields.AddRange([RlpItem.FromBigInteger(chainId), RlpItem.Empty, RlpItem.Empty]);
        }

        return RlpEncoder.Encode(RlpItem.FromList(fields));
    }

    internal override BigInteger ToV(byte recoveryId) => ChainId is { } chainId ? (chainId * 2) + 35 + recoveryId : 27 + recoveryId;

    internal override byte? ToRecoveryId(BigInteger v)
    {
        var first = ChainId is { } chainId ? (chainId * 2) + 35 : 27;
        return v == first ? 0 : v == first + 1 ? 1 : null;
    }

    internal override byte[] Encode(BigInteger v, BigInteger r, BigInteger s) =>
        RlpEncoder.Encode(RlpItem.FromList([.. Fields(), RlpItem.FromBigInteger(v), RlpItem.FromBigInteger(r), RlpItem.FromBigInteger(s)]));

    private IEnumerable<RlpItem> Fields() =>
    [
        RlpItem.FromBigInteger(Nonce),
        RlpItem.FromBigInteger(GasPrice),
        RlpItem.FromBigInteger(GasLimit),
        RlpItem.FromAddress(To),
        RlpItem.FromBigInteger(Value),
        RlpItem.FromBytes(Data),
    ];
}
