namespace GreenCompute.Core.Ledger;

/// <summary>Why a receipt was refused; each is counted in <see cref="LedgerBookState.Rejections"/>.</summary>
public enum ReceiptRejection
{
    /// <summary>The node is not paired with a device.</summary>
    UnknownNode,

    /// <summary>No signer can be recovered: the signature, or a field it covers (time, output hash), cannot be decoded.</summary>
    Unverifiable,

    /// <summary>The signer is not the node's paired device: a forged receipt (wrong key) or altered content.</summary>
    SignatureMismatch,

    /// <summary>The sequence is not above the last accepted one: a replayed or stale receipt.</summary>
    StaleSequence,

    /// <summary>Time-stamped ahead of the ledger clock by more than the allowed skew.</summary>
    FromTheFuture,

    /// <summary>Time-stamped before the device's previous receipt (or, for a reading, not after the previous reading).</summary>
    TimeNotIncreasing,

    /// <summary>The energy counter is below the previous reading's (a counter reset is refused).</summary>
    CounterWentBackwards,

    /// <summary>The counter step implies more average power than the plausible maximum.</summary>
    ImplausibleEnergy,

    /// <summary>A field is empty or out of range (no core-seconds, empty ids, bad output hash).</summary>
    InvalidValues,

    /// <summary>The same job/task was already credited to this node.</summary>
    DuplicateTask,
}
