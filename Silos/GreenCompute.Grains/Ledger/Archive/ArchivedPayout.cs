using System.Globalization;
using System.Numerics;
using GreenCompute.Contracts.Payouts;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>One payouts-tree leaf as stored: the host account, its cumulative earnings in token base units (decimal text) and the leaf hash.</summary>
public sealed record ArchivedPayout(string Account, string CumulativeAmount, string Leaf)
{
    public PayoutEntitlement ToEntitlement() => new(Address.Parse(Account), BigInteger.Parse(CumulativeAmount, CultureInfo.InvariantCulture));
}
