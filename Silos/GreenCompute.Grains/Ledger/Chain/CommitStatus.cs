namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>Where an outbox entry stands after a commit attempt.</summary>
public enum CommitStatus
{
    /// <summary>Recorded (on chain, or in the journal): the entry leaves the outbox.</summary>
    Committed,

    /// <summary>A transaction is in flight (maybe just sent); ask again later.</summary>
    Pending,

    /// <summary>Nothing recorded, and the cause may pass (RPC outage, fees, a missing role): try again later.</summary>
    Retry,

    /// <summary>The epoch can never be recorded as it is (another root holds the epoch, or the chain is past it): an operator must decide.</summary>
    Halted,
}
