namespace GreenCompute.Core.Ledger;

/// <summary>The ledger's answer to one receipt: accepted into <see cref="Epoch"/>, or refused with a reason.</summary>
public sealed record ReceiptVerdict(bool Accepted, long? Epoch, ReceiptRejection? Rejection, string Reason)
{
    public static ReceiptVerdict Accept(long epoch) => new(true, epoch, null, $"credited to epoch {epoch}");

    public static ReceiptVerdict Reject(ReceiptRejection rejection, string reason) => new(false, null, rejection, reason);
}
