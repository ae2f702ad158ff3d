using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Rlp;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// Where a deployed contract lands. CREATE (yellow paper §7): last 20 bytes of keccak256(rlp([sender, nonce])).
/// CREATE2 (EIP-1014): last 20 bytes of keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initCode)).
/// </summary>
public static class ContractAddress
{
    public static Address FromCreate(Address sender, ulong nonce) =>
        Address.FromBytes(Keccak256.Hash(RlpEncoder.Encode(RlpItem.FromList(RlpItem.FromAddress(sender), RlpItem.FromBigInteger(nonce))))[12..]);

    public static Address FromCreate2(Address sender, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> initCode)
    {
        if (salt.Length != 32)
        {
            throw new ArgumentException("A CREATE2 salt is 32 bytes.", nameof(salt));
        }

        return Address.FromBytes(Keccak256.Hash([0xFF, .. sender.Span, .. salt, .. Keccak256.Hash(initCode)])[12..]);
    }
}
