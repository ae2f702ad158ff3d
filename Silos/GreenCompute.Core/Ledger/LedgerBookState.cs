namespace GreenCompute.Core.Ledger;

/// <summary>
/// What the ledger persists between receipts: pairings, each device's cursor (sequence, last reading), the open
/// epochs' accumulators, cumulative payouts per host account, prices and rejection counters. Plain data for the
/// grain's JSON state; <see cref="LedgerBook"/> and <see cref="EpochCloser"/> hold the rules.
/// </summary>
public sealed class LedgerBookState
{
    /// <summary>Paired nodes by node id.</summary>
    public Dictionary<string, NodeAccount> Nodes { get; set; } = [];

    /// <summary>Per node: where its device's receipt stream stands.</summary>
    public Dictionary<string, NodeCursor> Cursors { get; set; } = [];

    /// <summary>Open epochs (not closed yet) → node id → what the node did in it.</summary>
    public Dictionary<long, Dictionary<string, NodeEpoch>> OpenEpochs { get; set; } = [];

    /// <summary>Every epoch below this one is closed; a late receipt is credited to this epoch.</summary>
    public long NextToClose { get; set; }

    /// <summary>Cumulative earnings since the first epoch, µEUR per payout account; never decrease.</summary>
    public Dictionary<string, long> CumulativePayouts { get; set; } = [];

    /// <summary>Day-ahead price in EUR/MWh per price zone and epoch.</summary>
    public Dictionary<string, Dictionary<long, double>> Prices { get; set; } = [];

    public long Accepted { get; set; }

    public Dictionary<ReceiptRejection, long> Rejections { get; set; } = [];
}
