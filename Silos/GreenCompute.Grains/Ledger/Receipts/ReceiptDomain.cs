using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Grains.Ledger.Receipts;

/// <summary>
/// The EIP-712 domain devices sign receipts in: name "GreenCompute", version "1", the chain id and the
/// ContributionLedger's address. Without a chain (journal mode): the configured chain id and the zero address.
/// </summary>
public sealed record ReceiptDomain(BigInteger ChainId, Address VerifyingContract)
{
    /// <summary>anvil's chain id (31337) and no contract: the journal mode default.</summary>
    public static ReceiptDomain Local { get; } = new(31337, Address.Zero);
}
