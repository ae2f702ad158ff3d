using System.Numerics;
using GreenCompute.Ethereum.Rlp;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// EIP-2930 transaction: 0x01 ‖ rlp([chainId, nonce, gasPrice, gasLimit, to, value, data, accessList,
/// yParity, r, s]); the signing payload is the same without the last three fields.
/// </summary>
public sealed record AccessListTransaction : Transaction
{
    public override TransactionType Type => TransactionType.AccessList;

    public BigInteger ChainId { get; init; }

    public BigInteger GasPrice { get; init; }

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    public override byte[] GetSigningPayload() => Typed(Type, RlpItem.FromList(Fields()));

    internal override BigInteger ToV(byte recoveryId) => recoveryId;

    internal override byte? ToRecoveryId(BigInteger v) => v <= 1 && v.Sign >= 0 ? (byte)v : null;

    internal override byte[] Encode(BigInteger v, BigInteger r, BigInteger s) =>
        Typed(Type, RlpItem.FromList([.. Fields(), RlpItem.FromBigInteger(v), RlpItem.FromBigInteger(r), RlpItem.FromBigInteger(s)]));

    private IEnumerable<RlpItem> Fields() =>
    [
        RlpItem.FromBigInteger(ChainId),
        RlpItem.FromBigInteger(Nonce),
        RlpItem.FromBigInteger(GasPrice),
        RlpItem.FromBigInteger(GasLimit),
        RlpItem.FromAddress(To),
        RlpItem.FromBigInteger(Value),
        RlpItem.FromBytes(Data),
        EncodeAccessList(AccessList),
    ];
}
