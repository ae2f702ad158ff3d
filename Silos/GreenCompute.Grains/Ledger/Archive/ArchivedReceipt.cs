using GreenCompute.Contracts.Ledger;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// One receipts-tree leaf as stored: the leaf's fields (see Contracts/README.md), the details document whose keccak256
/// is <see cref="DetailsHash"/> (signed baseline and closing readings, signed task completions, price and payout),
/// and the leaf hash. Hashes and addresses are 0x-hex.
/// </summary>
public sealed record ArchivedReceipt(
    string NodeId,
    string NodeKey,
    string Device,
    ulong EnergyWh,
    ulong UsefulHeatWh,
    ulong CoreSeconds,
    ulong Tasks,
    string DetailsHash,
    string Details,
    string Leaf)
{
    public ContributionReceipt ToReceipt(long epoch) => new(
        (ulong)epoch, HexConverter.FromHex(NodeKey), Address.Parse(Device), EnergyWh, UsefulHeatWh, CoreSeconds, Tasks, HexConverter.FromHex(DetailsHash));
}
