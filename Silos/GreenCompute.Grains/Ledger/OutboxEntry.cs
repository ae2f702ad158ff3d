using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Grains.Ledger.Chain;

namespace GreenCompute.Grains.Ledger;

/// <summary>
/// A closed epoch waiting to be recorded, persisted with the ledger state: its roots and totals, every transaction
/// sent for it (so a restart asks the chain about them instead of sending blindly), and the last error.
/// </summary>
public sealed class OutboxEntry
{
    public long Epoch { get; set; }

    public string ReceiptsRoot { get; set; } = string.Empty;

    public string PayoutsRoot { get; set; } = string.Empty;

    public CommitTotals Totals { get; set; } = new(0, 0, 0, 0, 0, "0");

    public DateTimeOffset ClosedAt { get; set; }

    public int Attempts { get; set; }

    public List<string> Sent { get; set; } = [];

    public DateTimeOffset? LastSentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The committer answered <see cref="CommitStatus.Halted"/>: the outbox stops here until an operator decides.</summary>
    public bool Halted { get; set; }

    public static OutboxEntry From(EpochArchive archive, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return new OutboxEntry
        {
            Epoch = archive.Epoch,
            ReceiptsRoot = archive.ReceiptsRoot,
            PayoutsRoot = archive.PayoutsRoot,
            Totals = archive.Totals,
            ClosedAt = closedAt,
        };
    }

    public EpochCommit ToCommit() =>
        new((ulong)Epoch, HexConverter.FromHex(ReceiptsRoot), HexConverter.FromHex(PayoutsRoot), Totals.ToEpochTotals());

    public OutboxItem ToItem() => new(Epoch, ReceiptsRoot, Attempts, [.. Sent], LastError, Halted);
}
