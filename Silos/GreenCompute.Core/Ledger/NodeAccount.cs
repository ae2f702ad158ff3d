namespace GreenCompute.Core.Ledger;

/// <summary>
/// A node as the ledger knows it from pairing: the address of its device signing key, the host's payout address
/// (both 0x + 40 hex digits, kept lower case) and the price zone its electricity is reimbursed in.
/// </summary>
public sealed record NodeAccount(string NodeId, string Device, string PayoutAccount, string PriceZone);
