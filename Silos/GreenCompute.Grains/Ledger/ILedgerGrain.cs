using GreenCompute.Actors;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Ledger.Archive;

namespace GreenCompute.Grains.Ledger;

/// <summary>
/// The fleet's ledger (key <see cref="LedgerGrains.LedgerKey"/>): takes devices' signed receipts, closes hourly epochs
/// into receipts and payouts Merkle trees, and records their roots in order through a durable outbox
/// (<see cref="Chain.IChainCommitter"/>). Bad receipts are refused with a reason and counted, never thrown.
/// </summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Pairs (or re-pairs) a node with its device key and host payout account. Returns the problem, or null.</summary>
    Task<string?> Pair(NodeAccount account);

    /// <summary>Pairs many nodes in one write (a whole fleet at start): the problem per account, in order, null where it was paired.</summary>
    Task<IReadOnlyList<string?>> PairAll(IReadOnlyList<NodeAccount> accounts);

    Task<ReceiptVerdict> SubmitReading(SignedMeterReading reading);

    /// <summary>Many readings in one write (a fleet's readings each planning round): one verdict per reading, in order.</summary>
    Task<IReadOnlyList<ReceiptVerdict>> SubmitReadings(IReadOnlyList<SignedMeterReading> readings);

    Task<ReceiptVerdict> SubmitCompletion(SignedTaskCompletion completion);

    /// <summary>The zone's electricity price for the epoch containing <paramref name="time"/> (a later call replaces it).</summary>
    Task SetPrice(string zone, DateTimeOffset time, EurPerMwh price);

    /// <summary>Closes every due epoch (into its archive and the outbox), then pumps the outbox. Returns the epochs closed.</summary>
    Task<IReadOnlyList<long>> CloseDueEpochs();

    /// <summary>Tries to record the outbox, head first, until an entry is not recorded yet. The timer does this too.</summary>
    Task<LedgerStatus> PumpOutbox();

    Task<LedgerStatus> GetStatus();

    /// <summary>A node's receipt leaf and proof in an epoch, or null.</summary>
    Task<ReceiptProof?> GetReceiptProof(long epoch, string nodeId);

    /// <summary>The account's cumulative entitlement and proof in the latest recorded epoch (what a claim needs), or null.</summary>
    Task<PayoutProof?> GetPayoutProof(string account);
}
